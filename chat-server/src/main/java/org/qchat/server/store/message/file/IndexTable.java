package org.qchat.server.store.message.file;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One generation of an on-disk hash index: a memory-mapped open-addressing table (linear probing)
 * from a 64-bit key hash to a record's global position. The file is sparse; only touched pages take
 * disk and memory, and none of it is Java heap.
 *
 * <pre>
 * offset            size  field (little-endian)
 *      0               8  magic "QCHATIDX"
 *      8               8  capacity (slots, a power of two)
 *     16               8  count (occupied slots)
 *     24              40  reserved
 *     64 + 16*i        8  slot i: key hash, 0 = empty
 *     72 + 16*i        8  slot i: record position
 * </pre>
 *
 * <p>Threads: one writer {@link #insert}s while any number of readers {@link #find}. Each slot word
 * is written and read as one atomic 64-bit access: the position with release before the hash, the
 * hash read with acquire before the position, so a reader that sees a hash sees its position.
 *
 * <p>The table never holds keys, only their hashes: a hit is a candidate that the caller confirms by
 * reading the record there. A mismatch (another key with the same hash, or a slot left pointing at a
 * position a torn tail lost) does not end the probe, so no key hides behind another.
 */
final class IndexTable implements AutoCloseable {

    static final int HEADER = 64;
    static final int SLOT = 16;
    private static final long MAGIC = 0x5844_4954_4148_4351L; // "QCHATIDX" read as little-endian
    private static final int CAPACITY_AT = 8;
    private static final int COUNT_AT = 16;
    private static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Confirms a candidate position: the value stored there if it holds the sought key, else null. */
    @FunctionalInterface
    interface Matcher<T> {
        T match(long position) throws IOException;
    }

    /** Whether the record at a position holds the key being inserted. */
    @FunctionalInterface
    interface KeyCheck {
        boolean holdsKey(long position) throws IOException;
    }

    private final Path path;
    private final MappedByteBuffer map;
    private final int capacity;
    private final long mask;
    /** Occupied slots; the writer's own copy of the header field. */
    private long count;

    private IndexTable(Path path, MappedByteBuffer map, int capacity, long count) {
        this.path = path;
        this.map = map;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.count = count;
    }

    /** Creates an empty table file of {@code capacity} slots (a power of two), replacing any file there. */
    static IndexTable create(Path path, int capacity) throws IOException {
        if (Integer.bitCount(capacity) != 1 || capacity < 2) {
            throw new IllegalArgumentException("index capacity must be a power of two >= 2: " + capacity);
        }
        long length = HEADER + (long) SLOT * capacity;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("index capacity " + capacity + " exceeds one mapping");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, length);
            WORD.set(map, CAPACITY_AT, (long) capacity);
            WORD.set(map, COUNT_AT, 0L);
            WORD.setRelease(map, 0, MAGIC);
            return new IndexTable(path, map, capacity, 0);
        }
    }

    /** Maps an existing table file; null if it is not a whole, valid table (a crash while creating it). */
    static IndexTable open(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < HEADER) {
                return null;
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            long capacity = (long) WORD.get(map, CAPACITY_AT);
            if ((long) WORD.get(map, 0) != MAGIC || capacity < 2 || Long.bitCount(capacity) != 1
                    || HEADER + SLOT * capacity != size) {
                Mappings.unmap(map);
                return null;
            }
            long count = (long) WORD.get(map, COUNT_AT);
            return new IndexTable(path, map, (int) capacity, Math.max(0, Math.min(count, capacity)));
        }
    }

    Path path() {
        return path;
    }

    int capacity() {
        return capacity;
    }

    /** Occupied slots. Writer thread only. */
    long count() {
        return count;
    }

    /** Whether the table holds as many keys as it should: probes grow long past half full. Writer only. */
    boolean isHalfFull() {
        return count >= capacity / 2;
    }

    /**
     * The first candidate for {@code hash} that {@code matcher} confirms, or null. Thread-safe, also
     * while the writer inserts.
     */
    <T> T find(long hash, Matcher<T> matcher) throws IOException {
        long h = nonZero(hash);
        long slot = h & mask;
        for (int probes = 0; probes < capacity; probes++) {
            int at = HEADER + (int) slot * SLOT;
            long stored = (long) WORD.getAcquire(map, at);
            if (stored == 0) {
                return null;
            }
            if (stored == h) {
                T found = matcher.match((long) WORD.getAcquire(map, at + 8));
                if (found != null) {
                    return found;
                }
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /**
     * Maps {@code hash} to {@code position}: into the slot already holding this key (the one at
     * {@code position} itself, or one that {@code sameKey} confirms), else into the first free slot.
     * Returns false, changing nothing, if the table has no free slot left. Writer thread only.
     */
    boolean insert(long hash, long position, KeyCheck sameKey) throws IOException {
        long h = nonZero(hash);
        long slot = h & mask;
        for (int probes = 0; probes < capacity; probes++) {
            int at = HEADER + (int) slot * SLOT;
            long stored = (long) WORD.getAcquire(map, at);
            if (stored == 0) {
                WORD.setRelease(map, at + 8, position);
                WORD.setRelease(map, at, h);
                count++;
                WORD.setRelease(map, COUNT_AT, count);
                return true;
            }
            if (stored == h) {
                long existing = (long) WORD.getAcquire(map, at + 8);
                // The same position is the same record (recovery re-inserting): no read needed.
                if (existing == position || sameKey.holdsKey(existing)) {
                    WORD.setRelease(map, at + 8, position);
                    return true;
                }
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** Writes the table's dirty pages to the disk. */
    void force() {
        map.force();
    }

    /** Unmaps the file; no thread may use the table afterwards. */
    @Override
    public void close() {
        Mappings.unmap(map);
    }

    /** 0 marks an empty slot, so a key whose hash is 0 is stored as 1 (and confirmed by its record). */
    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }
}
