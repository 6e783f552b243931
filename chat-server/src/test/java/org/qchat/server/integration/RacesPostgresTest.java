package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RacesContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class RacesPostgresTest extends RacesContract {

    RacesPostgresTest() {
        super(Backend.POSTGRES);
    }
}
