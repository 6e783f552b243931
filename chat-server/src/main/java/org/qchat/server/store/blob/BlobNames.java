package org.qchat.server.store.blob;

/**
 * The two kinds of names a {@link BlobStore} takes: a blob's sha256 and a partial's key. Both become
 * file names, so both are checked character by character: neither can hold a separator, a dot or
 * anything else that could lead a path out of the store's directory.
 */
final class BlobNames {

    static final int SHA256_LENGTH = 64;
    /** Leaves room for the {@code .part} suffix within the 255 bytes most file systems allow a name. */
    static final int MAX_KEY_LENGTH = 200;

    private BlobNames() {
    }

    /** Returns {@code sha256} if it is 64 lowercase hex digits, else throws IllegalArgumentException. */
    static String requireSha256(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + quoted(sha256));
        }
        return sha256;
    }

    /** Returns {@code key} if it is a valid partial key, else throws IllegalArgumentException. */
    static String requireKey(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("a partial's key is 1 to " + MAX_KEY_LENGTH
                    + " letters, digits, '-' or '_': " + quoted(key));
        }
        return key;
    }

    static boolean isSha256(String s) {
        if (s == null || s.length() != SHA256_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static boolean isKey(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII only: Character.isLetterOrDigit would let in look-alikes and names some file systems fold.
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return '"' + shown + '"';
    }
}
