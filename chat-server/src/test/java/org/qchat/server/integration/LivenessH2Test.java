package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link LivenessContract} on embedded H2. */
class LivenessH2Test extends LivenessContract {

    LivenessH2Test() {
        super(Backend.H2);
    }
}
