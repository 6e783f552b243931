package org.qchat.server.store.message.file;

/**
 * Sizes of a {@link SegmentedMessageLog}; {@link #defaults()} for a server, small ones for tests that
 * want rolls and new index generations after a handful of messages.
 *
 * @param segmentSize   bytes after which the next append starts a new segment file (a segment ends
 *                      with the first batch that passes this size; records never span two segments).
 *                      Bounds what recovery re-reads after a crash.
 * @param indexCapacity slots of each index table file (a power of two; 16 bytes each, sparse on disk).
 *                      A new table starts when the newest is half full. Applies to tables created from
 *                      now on; existing ones keep the capacity they were made with.
 */
public record LogOptions(long segmentSize, int indexCapacity) {

    public static final long DEFAULT_SEGMENT_SIZE = 64L * 1024 * 1024;
    /** 2^22 slots: a 64 MiB table file that takes 2^21 messages before the next one starts. */
    public static final int DEFAULT_INDEX_CAPACITY = 1 << 22;
    /** The largest table that one memory mapping (at most 2 GiB) can hold. */
    public static final int MAX_INDEX_CAPACITY = 1 << 26;

    public LogOptions {
        if (segmentSize < 1) {
            throw new IllegalArgumentException("segment size must be positive: " + segmentSize);
        }
        if (indexCapacity < 2 || indexCapacity > MAX_INDEX_CAPACITY || Integer.bitCount(indexCapacity) != 1) {
            throw new IllegalArgumentException("index capacity must be a power of two from 2 to " + MAX_INDEX_CAPACITY
                    + ": " + indexCapacity);
        }
    }

    public static LogOptions defaults() {
        return new LogOptions(DEFAULT_SEGMENT_SIZE, DEFAULT_INDEX_CAPACITY);
    }
}
