package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RestartContract} on the embedded store. */
class RestartEmbeddedTest extends RestartContract {

    RestartEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
