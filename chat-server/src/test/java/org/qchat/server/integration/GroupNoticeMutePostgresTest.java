package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link GroupNoticeMuteContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class GroupNoticeMutePostgresTest extends GroupNoticeMuteContract {

    GroupNoticeMutePostgresTest() {
        super(Backend.POSTGRES);
    }
}
