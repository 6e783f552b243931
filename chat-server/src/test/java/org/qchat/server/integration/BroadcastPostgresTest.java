package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BroadcastContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class BroadcastPostgresTest extends BroadcastContract {

    BroadcastPostgresTest() {
        super(Backend.POSTGRES);
    }
}
