package org.qchat.server.store.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a {@link FileBlobStore}'s files live, and how a finished file becomes a blob:
 * <pre>
 * &lt;dir&gt;/3a/3a7bd3e2…4f1b        a blob, under the first two hex digits of its name
 * &lt;dir&gt;/partial/42-3a7b….part   a partial, by its key
 * </pre>
 * Two hex digits make 256 directories, so that a million blobs are some 4,000 files per directory.
 * {@code partial} cannot be mistaken for such a directory: it is not two hex digits.
 *
 * <p>Thread-safe: it holds no state but the directory.
 */
final class BlobLayout {

    static final String PARTIAL_DIR = "partial";
    static final String PARTIAL_SUFFIX = ".part";

    private final Path root;

    BlobLayout(Path root) {
        this.root = root.toAbsolutePath();
    }

    Path blob(String sha256) {
        BlobNames.requireSha256(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    Path partial(String key) {
        BlobNames.requireKey(key);
        return partialDir().resolve(key + PARTIAL_SUFFIX);
    }

    Path partialDir() {
        return root.resolve(PARTIAL_DIR);
    }

    /** The key a file in {@link #partialDir()} is the partial of, or null if it is no partial's file. */
    static String keyOf(Path partialFile) {
        String name = partialFile.getFileName().toString();
        if (!name.endsWith(PARTIAL_SUFFIX)) {
            return null;
        }
        String key = name.substring(0, name.length() - PARTIAL_SUFFIX.length());
        return BlobNames.isKey(key) ? key : null;
    }

    /**
     * Makes the fully written and forced file {@code written} the blob {@code sha256}, durably: one
     * rename, then a force of the directory that now holds the name. If the blob is there already,
     * {@code written} is deleted instead: blobs of one name hold the same bytes.
     */
    void install(Path written, String sha256) throws IOException {
        Path target = blob(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(written);
            return;
        }
        createDirectoriesDurably(target.getParent());
        try {
            // rename(2): another upload of the same bytes may win the race; it then replaces a file
            // with an identical one, and a reader holding the first keeps its own whole copy.
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AccessDeniedException e) {
            // Where rename does not replace (Windows), the other upload's copy stands.
            if (!Files.exists(target)) {
                throw e;
            }
            Files.deleteIfExists(written);
            return;
        }
        forceDirectory(target.getParent());
    }

    /** Creates {@code dir} and any missing parents, forcing each parent that got a new entry. */
    static void createDirectoriesDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectoriesDurably(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            // Made by another thread a moment ago: forcing its parent again costs little and means
            // neither thread relies on the other having finished.
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }

    /** Makes renames and new entries in {@code dir} durable (Linux and macOS; a no-op where unsupported). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
