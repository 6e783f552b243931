package org.qchat.server.store.blob;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An upload in progress: bytes appended in order, with the SHA-256 of all of them kept up to date as
 * they arrive, so that {@link #commit} costs no second read of the content.
 *
 * <p>Threads: thread-safe, although one upload normally has one writer; calls run one at a time.
 * After {@link #close()} or {@link #commit}, or once the store deleted or closed this partial,
 * {@link #append} and {@link #commit} throw {@link IllegalStateException}.
 *
 * <p>Durability: appended bytes are not forced to the disk before the commit. A partial that a crash
 * interrupted resumes from what the file system kept; should that be wrong after a power loss, the
 * commit's hash check refuses it and the upload starts over.
 */
public interface PartialBlob extends Closeable {

    /** Bytes appended so far: the offset the next {@link #append} must give. */
    long length();

    /**
     * Appends {@code data} at {@code offset}, which must equal length() (else IllegalStateException;
     * nothing written). Consumes {@code data}. If writing fails, the partial is cut back to where it was
     * (or, if even that fails, closed, so that a reopen reads what the file really holds).
     */
    void append(long offset, ByteBuffer data) throws IOException;

    /**
     * If the SHA-256 of all bytes equals expectedSha256: fsyncs, moves into place atomically (rename,
     * then fsync of the directory) and returns true — if the blob already exists it just discards the
     * partial and returns true. Otherwise deletes the partial and returns false. The partial is closed
     * either way.
     *
     * <p>When it returns true the blob is durable. If it throws, the partial's file is kept whole (when
     * the storage allows): opening its key again and committing retries.
     */
    boolean commit(String expectedSha256) throws IOException;

    /** Closes the partial, keeping its bytes for a later {@link BlobStore#openPartial}. Idempotent. */
    @Override
    void close() throws IOException;
}
