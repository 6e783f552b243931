package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AuthorisationContract} on embedded H2. */
class AuthorisationH2Test extends AuthorisationContract {

    AuthorisationH2Test() {
        super(Backend.H2);
    }
}
