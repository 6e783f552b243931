package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BroadcastContract} on the embedded store. */
class BroadcastEmbeddedTest extends BroadcastContract {

    BroadcastEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
