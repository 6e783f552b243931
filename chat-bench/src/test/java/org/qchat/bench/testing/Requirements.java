package org.qchat.bench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a program it needs is not installed: skip with a visible reason, or — when
 * {@code QCHAT_REQUIRE_ALL=1} (CI) — fail, so a lost package cannot turn into a silently green run.
 */
public final class Requirements {

    public static final String REQUIRE_ALL = "QCHAT_REQUIRE_ALL";

    private Requirements() {
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_ALL))) {
            fail(what + " (" + REQUIRE_ALL + "=1, so this is a failure, not a skip)");
        }
        // Surefire's summary only counts skips; say why on the console as well.
        System.err.println("[qchat-test] SKIPPED: " + what);
        Assumptions.abort(what);
    }
}
