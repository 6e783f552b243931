package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RateLimitsContract} on the embedded store. */
class RateLimitsEmbeddedTest extends RateLimitsContract {

    RateLimitsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
