#!/usr/bin/env bash
# Reads one simulated DynamoDB stream (64 shards x 10,000 records) to its end with a hand-written AWS SDK v2 loop,
# StreamReader, and the Flink source in a MiniCluster at parallelism 1, 2 and 4; writes records/s and CPU per
# record to benchmarks/results/flink/ (results.md, chart.svg). Three rounds, about three minutes on two cores.
#
#   benchmarks/run-flink.sh                 the measurement (docs/benchmarks.md, "The Flink source")
#   benchmarks/run-flink.sh --rounds 1      one round only
#
# Other arguments go to FlinkSourceBenchmark: --shards N, --records N, --rounds N, --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build what the benchmark needs (package, never install: other builds read ~/.m2).
./mvnw -B -q package -pl benchmarks -am -DskipTests -Dinvoker.skip=true

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath-all.txt)"
exec java -Xmx2g -cp "$classpath" dev.ddbstreams.benchmarks.flink.FlinkSourceBenchmark "$@"
