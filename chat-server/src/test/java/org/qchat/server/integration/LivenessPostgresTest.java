package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link LivenessContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class LivenessPostgresTest extends LivenessContract {

    LivenessPostgresTest() {
        super(Backend.POSTGRES);
    }
}
