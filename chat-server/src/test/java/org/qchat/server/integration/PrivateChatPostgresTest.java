package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link PrivateChatContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class PrivateChatPostgresTest extends PrivateChatContract {

    PrivateChatPostgresTest() {
        super(Backend.POSTGRES);
    }
}
