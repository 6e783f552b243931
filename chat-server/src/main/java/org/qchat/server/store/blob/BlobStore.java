package org.qchat.server.store.blob;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;

/**
 * Bytes of stored files, named by the lowercase hex SHA-256 of their content. A blob is written once,
 * through a {@link PartialBlob} (an upload in progress, named by a key of the caller's choosing), and
 * only appears when the whole content has arrived and hashes to its name: nothing ever serves a blob
 * that is partly written or whose bytes do not match its name.
 *
 * <p>Names: a sha256 is 64 lowercase hex digits; a key is 1 to {@value BlobNames#MAX_KEY_LENGTH}
 * letters, digits, {@code '-'} and {@code '_'} (such as {@code "42-<sha256>"}). Any other string given
 * as either throws {@link IllegalArgumentException}.
 *
 * <p>Threads: thread-safe. A key is open at most once at a time: {@link #openPartial} throws
 * {@link IllegalStateException} while the partial of that key is open or being deleted.
 *
 * <p>Failure: the storage's failures throw {@link IOException}; a store whose storage fails stays
 * usable for whatever still works.
 */
public interface BlobStore extends AutoCloseable {

    /** Whether the blob named {@code sha256} is stored. */
    boolean exists(String sha256);

    /**
     * Size in bytes of a stored blob, or -1 if absent. A storage failure other than absence throws
     * {@link java.io.UncheckedIOException}.
     */
    long size(String sha256);

    /**
     * Opens, creating if needed, the partial upload named {@code key} (letters, digits, '-', '_' only;
     * e.g. "42-&lt;sha256&gt;"). Its {@link PartialBlob#length()} is what earlier appends left,
     * also those of an earlier run of the server: an upload resumes from there. Reopening an existing
     * partial reads it once whole, to bring the hash of its bytes up to date.
     *
     * @throws IllegalStateException if the partial of {@code key} is open already (or being deleted), or
     *                               the store is closed
     */
    PartialBlob openPartial(String key) throws IOException;

    /** Length of the partial named key, or -1 if there is none (without opening it). */
    long partialLength(String key) throws IOException;

    /**
     * Deletes the partial named {@code key}, if there is one. If it is open it is closed first: its
     * holder's next call throws {@link IllegalStateException}.
     */
    void deletePartial(String key) throws IOException;

    /**
     * Keys of partials not written since before {@code cutoff} (for expiry), sorted. Partials open now
     * are never listed, however long ago they were written: their uploads are still running. A key
     * listed may be opened again before the caller deletes it, and {@link #deletePartial} would then
     * cut that upload off: an expirer skips keys of uploads it knows to have resumed.
     */
    List<String> partialsIdleSince(Instant cutoff) throws IOException;

    /** Opens a stored blob for positional reads; throws NoSuchFileException if absent. */
    BlobReader openReader(String sha256) throws IOException;

    /**
     * Removes a stored blob; false if it was not there. Readers opened before keep reading the bytes they
     * had, where the storage allows it (POSIX file systems do). A commit of the same content at the same
     * time may still find the blob there and return true just before it goes: callers that delete blobs
     * decide who owns them under a lock of their own.
     */
    boolean delete(String sha256) throws IOException;

    /** Closes every partial still open; the store may not be used afterwards. Idempotent. */
    @Override
    void close();
}
