package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link DevicesContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class DevicesPostgresTest extends DevicesContract {

    DevicesPostgresTest() {
        super(Backend.POSTGRES);
    }
}
