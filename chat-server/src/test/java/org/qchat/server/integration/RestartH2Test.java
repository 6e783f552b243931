package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RestartContract} on embedded H2. */
class RestartH2Test extends RestartContract {

    RestartH2Test() {
        super(Backend.H2);
    }
}
