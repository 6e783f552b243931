package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link GroupsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class GroupsPostgresTest extends GroupsContract {

    GroupsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
