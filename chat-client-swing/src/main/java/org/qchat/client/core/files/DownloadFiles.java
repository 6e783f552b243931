package org.qchat.client.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/**
 * The disk side of downloads. An image's original goes to the cache, named by its hash; a file
 * goes to the downloads folder. Both are written to a {@code .part} file first, which a download
 * resumes from its length, and which becomes the real file only once its SHA-256 equals the
 * fileId. Worker thread only.
 */
final class DownloadFiles {

    /** The bytes arrived, but they are not the file the message names. */
    static final class CorruptException extends IOException {
        CorruptException(String message) {
            super(message);
        }
    }

    /** Where a download stands on disk before it asks for bytes: done already, or a part file of some length. */
    record Prepared(Path done, Path part, long length) {
    }

    private final FileStorage storage;
    private final PartialDownloads partials;

    DownloadFiles(FileStorage storage) {
        this.storage = storage;
        this.partials = new PartialDownloads(storage.partialIndex());
    }

    Prepared prepare(FileInfo file, MessageKind kind) throws IOException {
        Path part;
        if (kind == MessageKind.IMAGE) {
            Path cached = storage.imageFile(file.fileId(), file.mime(), file.name());
            if (Files.isRegularFile(cached) && Files.size(cached) == file.size()) {
                return new Prepared(cached, null, 0);
            }
            part = partOf(cached);
        } else {
            Path folder = storage.downloads();
            Optional<Path> started = partials.find(file.fileId())
                    .filter(p -> folder.equals(p.getParent()) && Files.isRegularFile(p));
            part = started.isPresent() ? started.get()
                    : SafeNames.createNew(folder, SafeNames.clean(file.name()), ".part");
            partials.remember(file.fileId(), part);
        }
        long length = Files.exists(part) ? Files.size(part) : 0;
        if (length > file.size()) {
            // Not a beginning of this file: start it over.
            Files.delete(part);
            length = 0;
        }
        return new Prepared(null, part, length);
    }

    /**
     * Checks the finished part against the fileId and puts it in place: an image under its hash in
     * the cache, a file under its own name (or "name (1).ext") in its folder. A part that does not
     * match is deleted, so that a retry starts from nothing.
     */
    Path finish(PartFile part, FileInfo file, MessageKind kind) throws IOException {
        part.close();
        Sha256.Hashed hashed = Sha256.of(part.path());
        if (!hashed.sha256().equals(file.fileId()) || hashed.size() != file.size()) {
            discard(part, file, kind);
            throw new CorruptException("downloaded " + hashed.size() + " bytes hashing to " + hashed.sha256()
                    + ", not the file " + file.fileId() + " of " + file.size() + " bytes");
        }
        if (kind == MessageKind.IMAGE) {
            Path cached = storage.imageFile(file.fileId(), file.mime(), file.name());
            SafeNames.move(part.path(), cached);
            return cached;
        }
        Path placed = SafeNames.moveInto(part.path(), part.path().getParent(), SafeNames.clean(file.name()));
        partials.forget(file.fileId());
        return placed;
    }

    /**
     * Deletes an unfinished download (cancelled, or not the right bytes): {@code part}, or when the
     * download had not got it yet, the part a preparation made for it.
     */
    void discard(PartFile part, FileInfo file, MessageKind kind) throws IOException {
        Optional<Path> path;
        if (part != null) {
            part.close();
            path = Optional.of(part.path());
        } else if (kind == MessageKind.IMAGE) {
            path = Optional.of(partOf(storage.imageFile(file.fileId(), file.mime(), file.name())));
        } else {
            path = partials.find(file.fileId());
        }
        if (path.isPresent()) {
            Files.deleteIfExists(path.get());
        }
        partials.forget(file.fileId());
    }

    private static Path partOf(Path cachedImage) {
        return cachedImage.resolveSibling(cachedImage.getFileName() + ".part");
    }

    /** A {@code .part} file being written, opened at its first write and closed when the download pauses or ends. */
    static final class PartFile {
        private final Path path;
        private FileChannel channel;

        PartFile(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        void write(long offset, ByteBuffer data) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            long position = offset;
            while (data.hasRemaining()) {
                position += channel.write(data, position);
            }
        }

        void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
