package org.qchat.server.media;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The type of a file from its first bytes, by the signatures its format begins with. A name's
 * extension is never looked at: it is whatever the sender typed.
 * <pre>
 * image/png        89 50 4e 47 0d 0a 1a 0a
 * image/jpeg       ff d8 ff
 * image/gif        "GIF87a" | "GIF89a"
 * image/bmp        "BM", and at byte 14 a known DIB header size (12, 40, 52, 56, 64, 108 or 124, little-endian)
 * image/webp       "RIFF" ?? ?? ?? ?? "WEBP"
 * application/pdf  "%PDF-"
 * application/zip  "PK" 03 04 | "PK" 05 06 (empty) | "PK" 07 08 (spanned)
 * text/plain       anything else that is well-formed UTF-8 without a NUL
 * </pre>
 * Anything else, and an empty file (which could be anything), is {@code application/octet-stream}.
 */
final class MimeSniffer {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String BMP = "image/bmp";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";
    static final String TEXT = "text/plain";
    static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final int[] BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124};
    /** The longest UTF-8 sequence less one: what a head cut mid-character can end with. */
    private static final int MAX_CUT_SEQUENCE = 3;

    private MimeSniffer() {
    }

    /** The type of a file whose first {@code length} bytes are {@code head[0..length)}. */
    static String sniff(byte[] head, int length) {
        Objects.checkFromIndexSize(0, length, head.length);
        if (startsWith(head, length, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(head, length, 0, JPEG_SIGNATURE)) {
            return JPEG;
        }
        if (startsWith(head, length, 0, ascii("GIF87a")) || startsWith(head, length, 0, ascii("GIF89a"))) {
            return GIF;
        }
        if (isBmp(head, length)) {
            return BMP;
        }
        if (startsWith(head, length, 0, ascii("RIFF")) && startsWith(head, length, 8, ascii("WEBP"))) {
            return WEBP;
        }
        if (startsWith(head, length, 0, ascii("%PDF-"))) {
            return PDF;
        }
        if (startsWith(head, length, 0, new byte[] {'P', 'K', 3, 4})
                || startsWith(head, length, 0, new byte[] {'P', 'K', 5, 6})
                || startsWith(head, length, 0, new byte[] {'P', 'K', 7, 8})) {
            return ZIP;
        }
        if (length > 0 && isUtf8WithoutNul(head, length)) {
            return TEXT;
        }
        return OCTET_STREAM;
    }

    /** "BM" alone starts too many text files ("BMW…"): the DIB header's size must be one that exists. */
    private static boolean isBmp(byte[] head, int length) {
        if (length < 18 || head[0] != 'B' || head[1] != 'M') {
            return false;
        }
        int dibHeaderSize = (head[14] & 0xff) | (head[15] & 0xff) << 8 | (head[16] & 0xff) << 16
                | (head[17] & 0xff) << 24;
        for (int known : BMP_HEADER_SIZES) {
            if (dibHeaderSize == known) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates) without a NUL. The head
     * may have been cut from a longer file in the middle of a character: an unfinished sequence at its
     * very end is let through.
     */
    private static boolean isUtf8WithoutNul(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(length), false);
        return result.isUnderflow() && in.remaining() <= MAX_CUT_SEQUENCE;
    }

    private static boolean startsWith(byte[] head, int length, int at, byte[] signature) {
        if (length < at + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[at + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
