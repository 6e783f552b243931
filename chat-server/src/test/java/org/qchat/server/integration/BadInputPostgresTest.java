package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BadInputContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class BadInputPostgresTest extends BadInputContract {

    BadInputPostgresTest() {
        super(Backend.POSTGRES);
    }
}
