package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BadInputContract} on the embedded store. */
class BadInputEmbeddedTest extends BadInputContract {

    BadInputEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
