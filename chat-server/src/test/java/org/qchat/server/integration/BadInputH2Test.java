package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BadInputContract} on embedded H2. */
class BadInputH2Test extends BadInputContract {

    BadInputH2Test() {
        super(Backend.H2);
    }
}
