package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link ReceiptsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class ReceiptsPostgresTest extends ReceiptsContract {

    ReceiptsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
