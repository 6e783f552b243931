package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link DevicesContract} on embedded H2. */
class DevicesH2Test extends DevicesContract {

    DevicesH2Test() {
        super(Backend.H2);
    }
}
