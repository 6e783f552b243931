package org.qchat.protocol.model;

/**
 * A stored file as a message carries it. {@code fileId} is the lowercase hex SHA-256 of its bytes;
 * {@code mime} is what the server read from the bytes, never from the name. Images also carry
 * their size in pixels and a small JPEG preview ({@code thumb}, base64) so that a client can draw
 * them without downloading the original; for other files those three are null.
 */
public record FileInfo(String fileId, String name, long size, String mime, Integer width, Integer height, String thumb) {

    /** Lowercase hex SHA-256: what {@code fileId} and {@code file.upload}'s {@code sha256} hold. */
    public static boolean isSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
