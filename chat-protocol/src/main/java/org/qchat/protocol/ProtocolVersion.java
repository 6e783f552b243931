package org.qchat.protocol;

/** Protocol versions. A client names its version in register, login and resume. */
public final class ProtocolVersion {

    /** The version this code speaks. */
    public static final int CURRENT = 1;
    /** The oldest version a server built from this code accepts. */
    public static final int MIN_SUPPORTED = 1;

    private ProtocolVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= MIN_SUPPORTED && version <= CURRENT;
    }
}
