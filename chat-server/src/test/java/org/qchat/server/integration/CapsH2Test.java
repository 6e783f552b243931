package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link CapsContract} on embedded H2. */
class CapsH2Test extends CapsContract {

    CapsH2Test() {
        super(Backend.H2);
    }
}
