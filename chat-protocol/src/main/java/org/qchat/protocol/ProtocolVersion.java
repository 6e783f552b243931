package org.qchat.protocol;

/**
 * Protocol versions. A client names its version in register, login and resume.
 *
 * <p>Version 2 added files and images: {@code file.*} packets, binary data frames and the
 * {@code kind}/{@code file} fields of a message. A version 1 client keeps working; it sees a file
 * message's fallback text.
 */
public final class ProtocolVersion {

    /** The version this code speaks. */
    public static final int CURRENT = 2;
    /** The oldest version a server built from this code accepts. */
    public static final int MIN_SUPPORTED = 1;

    private ProtocolVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= MIN_SUPPORTED && version <= CURRENT;
    }
}
