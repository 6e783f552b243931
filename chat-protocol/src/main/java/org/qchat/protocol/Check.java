package org.qchat.protocol;

/**
 * Structural checks run by packet constructors. They throw {@link IllegalArgumentException},
 * which the codec reports as {@link ErrorCode#BAD_REQUEST}. Configurable limits (lengths,
 * counts) are the server's business, not the wire contract's.
 */
public final class Check {

    /** Longest request id accepted. */
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    private Check() {
    }

    public static void requestId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id is required");
        }
        if (id.length() > MAX_REQUEST_ID_LENGTH) {
            throw new IllegalArgumentException("id is longer than " + MAX_REQUEST_ID_LENGTH + " characters");
        }
    }

    public static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    public static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be a positive number");
        }
    }

    public static void notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
    }
}
