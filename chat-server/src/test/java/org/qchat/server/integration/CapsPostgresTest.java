package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link CapsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class CapsPostgresTest extends CapsContract {

    CapsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
