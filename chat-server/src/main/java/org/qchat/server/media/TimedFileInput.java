package org.qchat.server.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import javax.imageio.IIOException;
import javax.imageio.stream.FileImageInputStream;

/**
 * A file as an ImageIO reader reads it: straight from the disk, with no cache in memory or in a
 * temporary file, and with a time limit. Every decoder pulls its bytes through {@link #read}, so a
 * file built to keep a decoder busy for a long time (a JPEG of thousands of progressive scans, each
 * a pass over every pixel) is stopped at its next read after the deadline.
 *
 * <p>It also tells a failure of the disk from bad content: decoders wrap whatever goes wrong in
 * exceptions of their own, but a failed read of the file is kept here ({@link #readFailure()}) for
 * the caller to report as what it is.
 *
 * <p>Not thread-safe: one reader reads it.
 */
final class TimedFileInput extends FileImageInputStream {

    private final long deadline;
    private final LongSupplier nanoTime;
    private IOException readFailure;

    /**
     * Opens {@code file}, to be read until {@code nanoTime} passes {@code deadline}; throws
     * {@link java.io.FileNotFoundException} if it cannot be opened.
     */
    TimedFileInput(Path file, long deadline, LongSupplier nanoTime) throws IOException {
        super(file.toFile());
        this.deadline = deadline;
        this.nanoTime = nanoTime;
    }

    @Override
    public int read() throws IOException {
        checkTime();
        try {
            return super.read();
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkTime();
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    @Override
    public void seek(long pos) throws IOException {
        try {
            super.seek(pos);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    /** The exception a read of the file itself threw, or null if every read worked. */
    IOException readFailure() {
        return readFailure;
    }

    private void checkTime() throws IIOException {
        if (nanoTime.getAsLong() - deadline > 0) {
            throw new IIOException("decoding took longer than allowed");
        }
    }
}
