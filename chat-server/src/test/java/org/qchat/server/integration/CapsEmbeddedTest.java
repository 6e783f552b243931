package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link CapsContract} on the embedded store. */
class CapsEmbeddedTest extends CapsContract {

    CapsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
