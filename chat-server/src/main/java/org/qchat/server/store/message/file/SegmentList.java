package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The log's segments in order of base offset, and the log's published end: the global position up
 * to which records are complete and may be read.
 *
 * <p>Threads: the writer rolls, cuts and publishes; readers call {@link #readRecord} concurrently.
 * The segment array is replaced whole (never changed in place) and published through a volatile
 * field, as is the end, so a reader that was given a position below the end also sees the segment
 * holding it.
 */
final class SegmentList implements AutoCloseable {

    /** Most records are smaller than this: one read usually fetches a whole record. */
    private static final int FIRST_READ = 512;

    private final Path dir;
    private volatile Segment[] segments;
    private volatile long end;

    private SegmentList(Path dir, Segment[] segments) {
        this.dir = dir;
        this.segments = segments;
    }

    /**
     * Opens every segment file in {@code dir}, or creates the first (base 0) if there is none. The end
     * is not yet published: recovery sets it once it knows where the valid records stop.
     */
    static SegmentList open(Path dir) throws IOException {
        List<Long> bases = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                long base = Segment.baseOf(file.getFileName().toString());
                if (base >= 0) {
                    bases.add(base);
                }
            }
        }
        bases.sort(Comparator.naturalOrder());
        if (bases.isEmpty()) {
            bases.add(0L);
        }
        Segment[] opened = new Segment[bases.size()];
        try {
            for (int i = 0; i < opened.length; i++) {
                opened[i] = Segment.open(dir, bases.get(i));
            }
        } catch (IOException e) {
            closeQuietly(opened);
            throw e;
        }
        return new SegmentList(dir, opened);
    }

    /** Every segment, oldest first. The array must not be changed. */
    Segment[] all() {
        return segments;
    }

    /** The segment being appended to. */
    Segment active() {
        Segment[] current = segments;
        return current[current.length - 1];
    }

    /** The published end: every byte below it belongs to a complete record. */
    long end() {
        return end;
    }

    /** Makes the records below {@code newEnd} readable. Writer thread only. */
    void publishEnd(long newEnd) {
        end = newEnd;
    }

    /** Starts a new segment at the end of the active one and makes it the active one. Writer only. */
    Segment roll() throws IOException {
        Segment next = Segment.open(dir, active().end());
        Segment[] current = segments;
        Segment[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = next;
        segments = grown;
        return next;
    }

    /** Closes and deletes every segment after {@code last}, which becomes the active one. Recovery only. */
    void deleteAfter(Segment last) throws IOException {
        Segment[] current = segments;
        int keep = Arrays.asList(current).indexOf(last) + 1;
        for (int i = keep; i < current.length; i++) {
            current[i].close();
            Files.deleteIfExists(current[i].path());
        }
        segments = Arrays.copyOf(current, keep);
    }

    /** The segment holding global {@code position}, or null if it is below the first base. */
    Segment locate(long position) {
        Segment[] current = segments;
        int lo = 0;
        int hi = current.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (current[mid].base() <= position) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi < 0 ? null : current[hi];
    }

    /**
     * The bytes of the record at {@code position} (a buffer from 0 to the record's length), or null
     * if no plausible record lies there below the published end: position past the end, a length out
     * of range, or a record running past the end. The CRC is not checked. Thread-safe.
     */
    ByteBuffer readRecord(long position) throws IOException {
        long limit = end;
        Segment segment = locate(position);
        if (segment == null || position < 0 || position + RecordCodec.MIN_RECORD_LENGTH > limit) {
            return null;
        }
        long offset = position - segment.base();
        ByteBuffer first = ByteBuffer.allocate((int) Math.min(FIRST_READ, limit - position));
        if (segment.read(first, offset) < RecordCodec.LENGTH_FIELD) {
            return null;
        }
        int length = RecordCodec.totalLength(first, 0);
        if (length < 0 || position + length > limit) {
            return null;
        }
        if (length <= first.position()) {
            return first.limit(length).position(0);
        }
        ByteBuffer whole = ByteBuffer.allocate(length);
        whole.put(first.flip());
        if (segment.read(whole, offset + whole.position()) + first.limit() < length) {
            return null;
        }
        return whole.flip();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(Segment[] opened) {
        for (Segment s : opened) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Already failing to open; the first error is the one to report.
                }
            }
        }
    }
}
