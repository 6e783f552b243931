package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link FriendsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class FriendsPostgresTest extends FriendsContract {

    FriendsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
