package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.qchat.protocol.model.MessageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the log's records in order from a position to the end, for recovery, and cuts the log at the
 * first record that is not whole: a torn tail. A record is torn when its length is out of range, it
 * runs past the end of its file, its inner lengths do not add up, or its CRC does not match. The cut
 * truncates that segment where the record starts and deletes every later segment.
 *
 * <p>One exception to the CRC rule: an erase rewrites a record in place, setting the erased flag in a
 * write of its own before it zeroes the text, so a record with the flag set and a CRC mismatch is a
 * recall cut short. Its ids are intact (the erase wrote the same bytes over them); it is kept, as
 * erased, when a valid record follows it. As the very last record it cannot be told from garbage
 * and is cut.
 *
 * <p>Runs on the thread that opens the log, before any reader can see it.
 */
final class LogScanner {

    private static final Logger log = LoggerFactory.getLogger(LogScanner.class);
    private static final int WINDOW = 1024 * 1024;

    /** Receives each whole record, in log order. Its text is left out (""): recovery needs the keys. */
    @FunctionalInterface
    interface Visitor {
        void record(long position, MessageInfo message) throws IOException;
    }

    /** Where the scan stopped: the end of the valid log, and how many bytes it cut (0 if none). */
    record Outcome(long end, long bytesCut) {
    }

    private LogScanner() {
    }

    /** Visits every whole record from {@code from} (a record boundary) on, and cuts a torn tail. */
    static Outcome scan(SegmentList segments, long from, Visitor visitor) throws IOException {
        Segment[] all = segments.all();
        Segment start = segments.locate(from);
        int first = start == null ? 0 : indexOf(all, start);
        for (int i = first; i < all.length; i++) {
            Segment segment = all[i];
            if (i > first && segment.base() != all[i - 1].end()) {
                return cut(segments, all[i - 1], all[i - 1].size(),
                        "segment " + segment + " does not start where " + all[i - 1] + " ends");
            }
            long offset = i == first ? Math.max(0, from - segment.base()) : 0;
            Window window = new Window(segment);
            while (offset < segment.size()) {
                String torn = tornReason(window, offset, i == all.length - 1);
                if (torn != null) {
                    return cut(segments, segment, offset, torn);
                }
                int length = RecordCodec.totalLength(window.buffer, window.at(offset, 4));
                int at = window.at(offset, length);
                visitor.record(segment.base() + offset, RecordCodec.read(window.buffer, at, length, false));
                offset += length;
            }
        }
        return new Outcome(segments.active().end(), 0);
    }

    /** Why the record at {@code offset} is not whole, or null if it is. */
    private static String tornReason(Window window, long offset, boolean lastSegment) throws IOException {
        long fileSize = window.segment.size();
        int at = window.at(offset, 4);
        if (at < 0) {
            return "incomplete length field";
        }
        int length = RecordCodec.totalLength(window.buffer, at);
        if (length < 0) {
            return "length " + window.buffer.getInt(at) + " out of range";
        }
        if (offset + length > fileSize) {
            return "record of " + length + " bytes runs past the end of the file";
        }
        at = window.at(offset, length);
        if (RecordCodec.read(window.buffer, at, length, false) == null) {
            return "malformed record";
        }
        if (RecordCodec.crcMatches(window.buffer, at, length)) {
            return null;
        }
        boolean erased = RecordCodec.isErased(window.buffer, at);
        long next = offset + length;
        boolean followed = next < fileSize ? wholeRecordAt(window, next) : !lastSegment;
        return erased && followed ? null : "CRC mismatch";
    }

    private static boolean wholeRecordAt(Window window, long offset) throws IOException {
        int at = window.at(offset, 4);
        if (at < 0) {
            return false;
        }
        int length = RecordCodec.totalLength(window.buffer, at);
        if (length < 0 || offset + length > window.segment.size()) {
            return false;
        }
        at = window.at(offset, length);
        return at >= 0 && RecordCodec.crcMatches(window.buffer, at, length);
    }

    private static Outcome cut(SegmentList segments, Segment segment, long offset, String reason) throws IOException {
        long bytes = segment.size() - offset;
        boolean later = false;
        for (Segment s : segments.all()) {
            if (later) {
                bytes += s.size();
            }
            later |= s == segment;
        }
        log.warn("{}: torn tail at position {} ({}): cut {} bytes", segment.path(), segment.base() + offset, reason, bytes);
        segment.truncate(offset);
        segments.deleteAfter(segment);
        segment.force();
        return new Outcome(segment.end(), bytes);
    }

    private static int indexOf(Segment[] all, Segment s) {
        for (int i = 0; i < all.length; i++) {
            if (all[i] == s) {
                return i;
            }
        }
        throw new IllegalStateException(s + " is not in the list");
    }

    /** A buffered stretch of one segment file, read again from the wanted offset when it falls outside. */
    private static final class Window {
        final Segment segment;
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW);
        long start;
        int valid;

        Window(Segment segment) {
            this.segment = segment;
        }

        /** The index in {@link #buffer} of file {@code offset}, with {@code n} bytes there; -1 if the file is shorter. */
        int at(long offset, int n) throws IOException {
            if (offset >= start && offset + n <= start + valid) {
                return (int) (offset - start);
            }
            if (buffer.capacity() < n) {
                buffer = ByteBuffer.allocate(n);
            }
            buffer.clear();
            start = offset;
            valid = segment.read(buffer, offset);
            return valid >= n ? 0 : -1;
        }
    }
}
