package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RecallRepliesContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class RecallRepliesPostgresTest extends RecallRepliesContract {

    RecallRepliesPostgresTest() {
        super(Backend.POSTGRES);
    }
}
