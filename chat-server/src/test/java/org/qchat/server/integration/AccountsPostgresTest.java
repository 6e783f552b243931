package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AccountsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class AccountsPostgresTest extends AccountsContract {

    AccountsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
