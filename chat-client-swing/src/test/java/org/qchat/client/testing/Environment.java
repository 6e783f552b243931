package org.qchat.client.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Toolkit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a client test does when something it needs from the environment
 * is missing: skip it with a visible reason, or — when {@code QCHAT_REQUIRE_ALL=1} (CI) — fail it,
 * so that a lost display cannot turn into a silently green run. The same rule as the server's
 * {@code org.qchat.server.testing.Environment}, kept as a copy so the client's tests do not depend
 * on the server's.
 */
public final class Environment {

    /** When "1", a missing requirement fails the test instead of skipping it. */
    public static final String REQUIRE_ALL = "QCHAT_REQUIRE_ALL";

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Environment() {
    }

    /**
     * Skips (or fails) the calling test unless a display can be opened: the GUI tests show real
     * windows and drive them with real mouse and keyboard events. Call it per test (in
     * {@code @BeforeEach}), not in {@code @BeforeAll}: an aborted {@code @BeforeAll} leaves the
     * tests unreported, so the run's summary would not count them as skipped.
     */
    public static void requireDisplay() {
        String problem = displayProblem();
        if (problem != null) {
            missing(problem);
        }
    }

    /** Whether a display can be opened, for set-up code that must decide without skipping yet. */
    public static boolean hasDisplay() {
        return displayProblem() == null;
    }

    private static String displayProblem() {
        String display = System.getenv("DISPLAY");
        if (GraphicsEnvironment.isHeadless()) {
            String why = display == null ? "DISPLAY is not set" : "java.awt.headless=true";
            return "no display (" + why + "): the GUI tests need one, e.g. "
                    + "`Xvfb :99 -screen 0 1400x900x24 & export DISPLAY=:99`";
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            Toolkit.getDefaultToolkit().getScreenSize();
            return null;
        } catch (AWTError | HeadlessException | LinkageError e) {
            return "cannot open display " + display + " (" + e + "): is the X server (e.g. Xvfb) running?";
        }
    }

    public static boolean requireAll() {
        return "1".equals(System.getenv(REQUIRE_ALL));
    }

    private static void missing(String reason) {
        if (requireAll()) {
            fail(reason + " (" + REQUIRE_ALL + "=1, so this is a failure, not a skip)");
        }
        // Surefire's and Failsafe's summaries only count skips; say why on the console as well, once.
        if (REPORTED.add(reason)) {
            System.err.println("[qchat-test] SKIPPED: " + reason);
        }
        Assumptions.abort(reason);
    }
}
