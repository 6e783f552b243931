package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RateLimitsContract} on embedded H2. */
class RateLimitsH2Test extends RateLimitsContract {

    RateLimitsH2Test() {
        super(Backend.H2);
    }
}
