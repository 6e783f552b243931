package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link LivenessContract} on the embedded store. */
class LivenessEmbeddedTest extends LivenessContract {

    LivenessEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
