package org.qchat.server.store.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BlobStore} in a directory of the local file system, {@code <data-dir>/blobs} for the
 * server; {@link BlobLayout} draws the files in it. The directories are created when first needed.
 *
 * <p>How a blob comes to be: a partial's bytes are appended to {@code partial/<key>.part} while
 * {@link FilePartialBlob} hashes them; a commit whose hash matches forces the file, renames it to the
 * blob's name and forces the directory. A rename is atomic, so a blob's name never shows a file that
 * is partly written, not even after a crash: what a crash leaves is a partial under {@code partial/},
 * which no blob read ever looks at, and which resumes when its key is opened again.
 *
 * <p>Two uploads of the same bytes under different keys may commit at the same moment: both succeed
 * and one whole blob remains (see {@link BlobLayout#install}).
 *
 * <p>Threads: thread-safe. Open partials are kept by key, so that a key is open once at a time and
 * {@link #deletePartial} and {@link #close} can close the one that is. A delete holds the key while it
 * runs: an open of the same key meanwhile is refused as if the partial were open.
 */
public final class FileBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);

    private final BlobLayout layout;
    private final ConcurrentMap<String, FilePartialBlob> openPartials = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public FileBlobStore(Path dir) {
        this.layout = new BlobLayout(dir);
    }

    /**
     * Where a stored blob is on this machine's file system, for readers that need a file (image
     * decoders). The file may not exist; it is never written through this path.
     */
    public Path path(String sha256) {
        return layout.blob(sha256);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(layout.blob(sha256));
    }

    @Override
    public long size(String sha256) {
        Path blob = layout.blob(sha256);
        try {
            return Files.size(blob);
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of blob " + sha256, e);
        }
    }

    @Override
    public PartialBlob openPartial(String key) throws IOException {
        BlobNames.requireKey(key);
        requireOpen();
        FilePartialBlob partial = FilePartialBlob.unopened(key, layout, closed -> openPartials.remove(key, closed));
        if (openPartials.putIfAbsent(key, partial) != null) {
            throw new IllegalStateException("partial " + key + " is open already, or being deleted");
        }
        try {
            BlobLayout.createDirectoriesDurably(layout.partialDir());
            partial.open();
            return partial;
        } catch (IOException | RuntimeException e) {
            openPartials.remove(key, partial);
            throw e;
        }
    }

    @Override
    public long partialLength(String key) throws IOException {
        Path file = layout.partial(key);
        FilePartialBlob open = openPartials.get(key);
        long openLength = open == null ? -1 : open.lengthIfOpen();
        if (openLength >= 0) {
            // Its file may be longer for a moment, while an append is under way.
            return openLength;
        }
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * Deletes the partial's file while holding its key, so that an open on another thread cannot
     * reopen the file in between and go on writing to a file that is gone.
     */
    @Override
    public void deletePartial(String key) throws IOException {
        Path file = layout.partial(key);
        FilePartialBlob reservation = FilePartialBlob.unopened(key, layout, closed -> openPartials.remove(key, closed));
        for (FilePartialBlob open = openPartials.putIfAbsent(key, reservation); open != null;
                open = openPartials.putIfAbsent(key, reservation)) {
            open.close();
        }
        try {
            Files.deleteIfExists(file);
        } finally {
            reservation.close();
        }
    }

    @Override
    public List<String> partialsIdleSince(Instant cutoff) throws IOException {
        Path dir = layout.partialDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> idle = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String key = BlobLayout.keyOf(file);
                if (key != null && !openPartials.containsKey(key) && writtenBefore(file, cutoff)) {
                    idle.add(key);
                }
            }
        }
        idle.sort(null);
        return idle;
    }

    @Override
    public BlobReader openReader(String sha256) throws IOException {
        return FileBlobReader.open(layout.blob(sha256));
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        return Files.deleteIfExists(layout.blob(sha256));
    }

    @Override
    public void close() {
        closed = true;
        for (FilePartialBlob partial : openPartials.values()) {
            try {
                partial.close();
            } catch (IOException e) {
                log.warn("Could not close a partial upload; it resumes from what its file holds", e);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the blob store is closed");
        }
    }

    /** Whether {@code file} was last written before {@code cutoff}; false if it vanished meanwhile. */
    private static boolean writtenBefore(Path file, Instant cutoff) throws IOException {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        return modified.toInstant().isBefore(cutoff);
    }
}
