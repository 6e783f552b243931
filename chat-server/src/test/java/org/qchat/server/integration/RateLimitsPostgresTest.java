package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RateLimitsContract} on PostgreSQL (QCHAT_PG_URL; skipped when unset). */
class RateLimitsPostgresTest extends RateLimitsContract {

    RateLimitsPostgresTest() {
        super(Backend.POSTGRES);
    }
}
