package org.qchat.protocol;

/**
 * A well-framed JSON object that is not a valid packet: unknown or missing {@code type},
 * missing or malformed fields. The frame was consumed; the connection stays usable and the
 * receiver answers with an error carrying {@link #requestId()}.
 */
public final class PacketException extends Exception {

    private final String requestId;
    private final ErrorCode code;

    public PacketException(String requestId, ErrorCode code, String message) {
        super(message);
        this.requestId = requestId;
        this.code = code;
    }

    /** The {@code id} field of the rejected object, if it had a usable one; otherwise null. */
    public String requestId() {
        return requestId;
    }

    public ErrorCode code() {
        return code;
    }
}
