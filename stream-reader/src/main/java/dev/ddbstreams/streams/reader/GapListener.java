package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.consume.Gap;

/**
 * Told when records were lost because the service trimmed them before they were read.
 *
 * <p>Called on the thread that reads the shard, before the reader goes on past the gap.
 */
@FunctionalInterface
public interface GapListener {

    /**
     * A gap in one shard.
     *
     * @throws Exception to stop the shard instead of reading on past the gap; the error goes to the reader's
     *     {@link ErrorListener}
     */
    void onGap(Gap gap) throws Exception;
}
