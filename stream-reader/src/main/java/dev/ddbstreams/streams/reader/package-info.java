/**
 * Reads a whole DynamoDB stream: every change, in order per shard, through shard splits, expired iterators,
 * trimmed data and throttling.
 *
 * <p>Start with {@link dev.ddbstreams.streams.reader.StreamReader#builder()}. The reader discovers the stream's
 * shards, reads each parent shard to its end before any of its children, delivers each page of records to a
 * {@link dev.ddbstreams.streams.reader.RecordHandler} and records a
 * {@link dev.ddbstreams.streams.reader.checkpoint.Checkpoint} after the handler returns, so a restarted reader
 * resumes where the last one stopped. Delivery is at-least-once: after a crash, the batch that was being handled is
 * delivered again; after a clean {@link dev.ddbstreams.streams.reader.StreamReader#close()}, nothing is.
 *
 * <p>This package is the application's side: the reader, what it calls and what it reports. The parts below it
 * never depend on it: {@code checkpoint} (where positions are kept), {@code lineage} (which shards exist and which
 * may be read now), {@code consume} (reading one shard: iterators, expiry, trimmed data, backoff, pacing) and
 * {@code schedule} (the threads that run shards in steps).
 */
package dev.ddbstreams.streams.reader;
