package org.qchat.client.core.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the protocol writes it: lowercase hex. Blocking: call on the file worker. */
final class Sha256 {

    private static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(byte[] bytes) {
        MessageDigest digest = digest();
        digest.update(bytes);
        return hex(digest);
    }

    /** The hash of a whole file, and the number of bytes it had while hashed. */
    record Hashed(String sha256, long size) {
    }

    static Hashed of(Path file) throws IOException {
        MessageDigest digest = digest();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new Hashed(hex(digest), size);
    }

    /**
     * The answer to an upload's challenge (protocol 8.9, step 4): the hash of {@code nonce} followed
     * by the file's bytes {@code [offset, offset + length)}.
     *
     * @throws EOFException the file is shorter than the challenged range (it changed since it was hashed)
     */
    static String proof(byte[] nonce, Path file, long offset, long length) throws IOException {
        MessageDigest digest = digest();
        digest.update(nonce);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, length)));
            long position = offset;
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new EOFException(file + " ends before byte " + (offset + length));
                }
                buffer.flip();
                digest.update(buffer);
                position += n;
                left -= n;
            }
        }
        return hex(digest);
    }
}
