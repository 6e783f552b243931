package org.qchat.server.store.blob;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A stored blob opened for reading at any position, as a download does chunk by chunk.
 *
 * <p>Threads: thread-safe; positional reads share no state, so several may run at once.
 */
public interface BlobReader extends Closeable {

    /** The blob's size in bytes. */
    long size();

    /**
     * Reads up to dst.remaining() bytes at position; returns bytes read, -1 at end. Fills {@code dst}
     * unless the blob ends first.
     *
     * @throws IllegalArgumentException if {@code position} is negative
     */
    int read(long position, ByteBuffer dst) throws IOException;
}
