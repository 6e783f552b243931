package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link SettingsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class SettingsPostgresTest extends SettingsContract {

    SettingsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
