package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link MessageBatchContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class MessageBatchPostgresTest extends MessageBatchContract {

    MessageBatchPostgresTest() {
        super(Backend.POSTGRES);
    }
}
