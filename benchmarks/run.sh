#!/usr/bin/env bash
# Runs the whole comparison of our client with the AWS SDK for Java v2 and writes benchmarks/results/
# (results.md, results.json, chart.svg, and JMH's raw JSON). About eight minutes on two cores.
#
#   benchmarks/run.sh            the real measurement
#   benchmarks/run.sh --quick    a smoke test of the harness in a few minutes, written to
#                                benchmarks/target/quick-results/; its numbers mean nothing
#
# Any other arguments go to the harness (see HarnessOptions), e.g. --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build our client and the benchmarks (package, never install: other builds read ~/.m2).
./mvnw -B -q package -pl benchmarks -am -DskipTests
# Resolve the SDK's classpaths, one per HTTP client choice, for the cold-start runs and the footprint.
./mvnw -B -q -f benchmarks/classpaths/pom.xml dependency:build-classpath

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath-all.txt)"
exec java -cp "$classpath" dev.ddbstreams.benchmarks.Harness \
    --ours-classpath benchmarks/target/classpath-ours.txt \
    --sdk-classpaths benchmarks/classpaths \
    "$@"
