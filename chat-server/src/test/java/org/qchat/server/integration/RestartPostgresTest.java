package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RestartContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class RestartPostgresTest extends RestartContract {

    RestartPostgresTest() {
        super(Backend.POSTGRES);
    }
}
