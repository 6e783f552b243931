package org.qchat.protocol;

/**
 * The byte stream can no longer be trusted: bad length, body not valid UTF-8, or body not a
 * JSON object. The receiver answers with an error (where it can) and closes the connection.
 */
public final class FrameException extends Exception {

    private final ErrorCode code;

    public FrameException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public FrameException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
