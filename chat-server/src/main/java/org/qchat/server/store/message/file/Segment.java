package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One segment file, {@code segment-<20-digit base offset>.log}: the records whose global positions
 * start at {@link #base()}. Only the last segment of the log is written to.
 *
 * <p>Threads: {@link #read} may run on any number of threads at once (positional reads share no
 * state); {@link #write}, {@link #truncate}, {@link #force} and {@link #size} belong to the log's
 * writer.
 *
 * <p>Failure: a {@link FileChannel} is closed for everyone when a thread blocked in it is interrupted.
 * So the channel is reopened when another thread's interrupt closed it; the interrupted thread
 * itself gets its {@link ClosedByInterruptException}.
 */
final class Segment implements AutoCloseable {

    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";
    /** How often one call reopens a channel that others' interrupts keep closing, before giving up. */
    private static final int REOPEN_ATTEMPTS = 3;

    private final long base;
    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;
    /** The file's length as the writer left it; read and written by the writer only. */
    private long size;

    private Segment(long base, Path path, FileChannel channel, long size) {
        this.base = base;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if need be) the segment of {@code base} in {@code dir}. */
    static Segment open(Path dir, long base) throws IOException {
        Path path = dir.resolve(fileName(base));
        FileChannel channel = openChannel(path);
        return new Segment(base, path, channel, channel.size());
    }

    static String fileName(long base) {
        return PREFIX + String.format(Locale.ROOT, "%020d", base) + SUFFIX;
    }

    /** The base offset named by a segment file name, or -1 if {@code name} is not one. */
    static long baseOf(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
            return -1;
        }
        String digits = name.substring(PREFIX.length(), PREFIX.length() + 20);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long base() {
        return base;
    }

    Path path() {
        return path;
    }

    /** The global position just past this segment's last byte. Writer thread only. */
    long end() {
        return base + size;
    }

    /** Bytes in the file. Writer thread only. */
    long size() {
        return size;
    }

    /** Appends all of {@code src} at the end of the file: one {@code pwrite} unless the kernel writes less. */
    void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            size += withChannel(ch -> ch.write(src, size));
        }
    }

    /** Writes all of {@code src} at {@code offset} within the file, which must not pass its end. */
    void overwrite(ByteBuffer src, long offset) throws IOException {
        long written = 0;
        while (src.hasRemaining()) {
            long at = offset + written;
            written += withChannel(ch -> ch.write(src, at));
        }
    }

    /**
     * Reads into {@code dst} from {@code offset} within the file until {@code dst} is full or the file
     * ends; returns the bytes read. Thread-safe.
     */
    int read(ByteBuffer dst, long offset) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            long at = offset + total;
            int n = withChannel(ch -> ch.read(dst, at));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Cuts the file to {@code newSize} bytes. */
    void truncate(long newSize) throws IOException {
        withChannel(ch -> {
            ch.truncate(newSize);
            return 0;
        });
        size = newSize;
    }

    /** Forces the file's content (not its metadata) to the disk. */
    void force() throws IOException {
        withChannel(ch -> {
            ch.force(false);
            return 0;
        });
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    private interface ChannelOp {
        int run(FileChannel channel) throws IOException;
    }

    private int withChannel(ChannelOp op) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileChannel current = channel;
            try {
                return op.run(current.isOpen() ? current : reopen(current));
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (AsynchronousCloseException e) {
                // Another thread's interrupt closed the shared channel under this call: try again.
                if (closed || attempt >= REOPEN_ATTEMPTS) {
                    throw e;
                }
            } catch (ClosedChannelException e) {
                if (closed || attempt >= REOPEN_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private synchronized FileChannel reopen(FileChannel stale) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == stale) {
            channel = openChannel(path);
        }
        return channel;
    }

    private static FileChannel openChannel(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
