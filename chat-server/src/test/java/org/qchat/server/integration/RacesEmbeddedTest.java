package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RacesContract} on the embedded store. */
class RacesEmbeddedTest extends RacesContract {

    RacesEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
