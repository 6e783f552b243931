package org.qchat.client.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.qchat.protocol.model.MessageKind;

/**
 * Whether an attached file goes as a picture ({@link MessageKind#IMAGE}) or as a file: a picture
 * when its first bytes are those of a PNG, JPEG, GIF or BMP — the kinds the server draws — and it
 * is at most {@link #MAX_IMAGE_BYTES}, the server's image limit. Judged by the bytes, never the
 * name: a renamed document must not go as a broken picture, nor a picture saved without an
 * extension as a file.
 */
final class AttachmentKind {

    /** The server's default {@code --max-image-size}; a larger picture goes as a file. */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    /** How many first bytes {@link #of(byte[], long)} needs to tell every kind apart. */
    static final int HEAD_BYTES = 18;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};

    private AttachmentKind() {
    }

    /**
     * @param head the file's first bytes ({@link #HEAD_BYTES} of them, or all of a shorter file)
     * @param size the file's whole size in bytes
     */
    static MessageKind of(byte[] head, long size) {
        return size <= MAX_IMAGE_BYTES && isPicture(head) ? MessageKind.IMAGE : MessageKind.FILE;
    }

    /** Reads the file's first bytes and size; blocks, so call it off the Swing thread. */
    static MessageKind of(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEAD_BYTES), size);
        }
    }

    static boolean isPicture(byte[] head) {
        return startsWith(head, PNG) || startsWith(head, JPEG) || startsWith(head, GIF87) || startsWith(head, GIF89)
                || isBmp(head);
    }

    /**
     * "BM" alone starts plenty of text files, so a BMP also needs the size of its info header at
     * offset 14 to be one that BMP versions use (12, 40, 52, 56, 64, 108 or 124, little-endian).
     */
    private static boolean isBmp(byte[] head) {
        if (head.length < 18 || head[0] != 'B' || head[1] != 'M') {
            return false;
        }
        long infoSize = (head[14] & 0xFFL) | (head[15] & 0xFFL) << 8 | (head[16] & 0xFFL) << 16
                | (head[17] & 0xFFL) << 24;
        return infoSize == 12 || infoSize == 40 || infoSize == 52 || infoSize == 56 || infoSize == 64
                || infoSize == 108 || infoSize == 124;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
