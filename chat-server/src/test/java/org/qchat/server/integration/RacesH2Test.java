package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RacesContract} on embedded H2. */
class RacesH2Test extends RacesContract {

    RacesH2Test() {
        super(Backend.H2);
    }
}
