package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link FilesContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class FilesPostgresTest extends FilesContract {

    FilesPostgresTest() {
        super(Backend.POSTGRES);
    }
}
