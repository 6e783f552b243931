package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link PrivateChatContract} on embedded H2. */
class PrivateChatH2Test extends PrivateChatContract {

    PrivateChatH2Test() {
        super(Backend.H2);
    }
}
