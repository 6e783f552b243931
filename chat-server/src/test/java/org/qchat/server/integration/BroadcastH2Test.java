package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BroadcastContract} on embedded H2. */
class BroadcastH2Test extends BroadcastContract {

    BroadcastH2Test() {
        super(Backend.H2);
    }
}
