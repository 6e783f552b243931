package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AuthorisationContract} on the embedded store. */
class AuthorisationEmbeddedTest extends AuthorisationContract {

    AuthorisationEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
