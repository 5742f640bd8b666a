/** Benchmarks of our DynamoDB Streams client against the AWS SDK for Java v2; run with {@code benchmarks/run.sh}. */
package dev.ddbstreams.benchmarks;
