package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link DevicesContract} on the embedded store. */
class DevicesEmbeddedTest extends DevicesContract {

    DevicesEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
