package org.qchat.client.core.files;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.qchat.protocol.FileChunk;
import org.qchat.protocol.model.MessageKind;

/** The disk side of uploads: hashing, keeping pasted bytes, reading data frames. Worker thread only. */
final class UploadFiles {

    /** A file's hash, its size while hashed, and where it is. */
    record Hashed(String sha256, long size, Path file) {
    }

    private final FileStorage storage;

    UploadFiles(FileStorage storage) {
        this.storage = storage;
    }

    static Hashed hash(Path file) throws IOException {
        Sha256.Hashed hashed = Sha256.of(file);
        return new Hashed(hashed.sha256(), hashed.size(), file);
    }

    /**
     * Writes pasted bytes to the cache under their hash, so the upload can resume and retry from a
     * file. An image lands where its download would, so the viewer finds it without one.
     */
    Hashed stash(byte[] bytes, String name, String mime, MessageKind kind) throws IOException {
        String sha256 = Sha256.of(bytes);
        Path target = kind == MessageKind.IMAGE ? storage.imageFile(sha256, mime, name)
                : SafeNames.inside(Files.createDirectories(storage.cacheDir().resolve("outgoing")), sha256);
        if (!Files.exists(target) || Files.size(target) != bytes.length) {
            Path temp = Files.createTempFile(target.getParent(), sha256, ".tmp");
            try {
                Files.write(temp, bytes);
                SafeNames.move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new Hashed(sha256, bytes.length, target);
    }

    /** The data frame carrying {@code file[offset, offset + length)}, read straight into the frame. */
    static byte[] readFrame(Path file, long uploadId, long offset, int length) throws IOException {
        byte[] frame = FileChunk.emptyFrame(FileChunk.Direction.UPLOAD, uploadId, offset, length);
        ByteBuffer data = ByteBuffer.wrap(frame, FileChunk.FRAME_DATA_OFFSET, length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            while (data.hasRemaining()) {
                int read = channel.read(data, position);
                if (read < 0) {
                    throw new EOFException(file + " ends before byte " + (offset + length));
                }
                position += read;
            }
        }
        return frame;
    }
}
