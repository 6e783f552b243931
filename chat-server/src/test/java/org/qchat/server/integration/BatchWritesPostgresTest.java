package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BatchWritesContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class BatchWritesPostgresTest extends BatchWritesContract {

    BatchWritesPostgresTest() {
        super(Backend.POSTGRES);
    }
}
