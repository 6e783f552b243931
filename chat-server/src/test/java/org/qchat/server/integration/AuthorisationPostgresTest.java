package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AuthorisationContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class AuthorisationPostgresTest extends AuthorisationContract {

    AuthorisationPostgresTest() {
        super(Backend.POSTGRES);
    }
}
