package org.qchat.client;

import org.qchat.protocol.ProtocolVersion;

/** Entry point of the desktop client. */
public final class ChatClientApp {

    private ChatClientApp() {
    }

    public static void main(String[] args) {
        System.out.println("qchat desktop client (protocol " + ProtocolVersion.CURRENT + ") is not built yet; "
                + "see README.md for the server and docs/protocol.md for the wire format.");
    }
}
