package org.qchat.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a test does when something it needs from the environment is
 * missing: skip it with a visible reason, or — when {@code QCHAT_REQUIRE_ALL=1} (CI) — fail it, so
 * that a lost database or a lost build step cannot turn into a silently green run.
 */
public final class Environment {

    /** JDBC URL of a PostgreSQL database the tests may create schemas in. */
    public static final String PG_URL = "QCHAT_PG_URL";
    /** When "1", a missing requirement fails the test instead of skipping it. */
    public static final String REQUIRE_ALL = "QCHAT_REQUIRE_ALL";

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Environment() {
    }

    /** The PostgreSQL JDBC URL from {@value #PG_URL}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public static String requirePostgres() {
        return requireEnv(PG_URL, "the PostgreSQL variants need a JDBC URL such as "
                + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /** The value of environment variable {@code name}; skips (or fails) the calling test when it is unset. */
    public static String requireEnv(String name, String why) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return missing("environment variable " + name + " is not set: " + why);
    }

    /** The value of system property {@code name}; skips (or fails) the calling test when it is unset. */
    public static String requireProperty(String name, String why) {
        String value = System.getProperty(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return missing("system property " + name + " is not set: " + why);
    }

    /**
     * The executable {@code name} from the PATH (or /usr/sbin, /usr/bin); skips (or fails) the
     * calling test when it is not installed.
     */
    public static java.nio.file.Path requireExecutable(String name, String why) {
        String path = System.getenv("PATH");
        List<String> dirs = new java.util.ArrayList<>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
        for (String dir : dirs) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, name);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return missing(name + " is not installed: " + why);
    }

    /** Whether {@value #PG_URL} is set, for code that must decide without skipping yet. */
    public static boolean postgresConfigured() {
        String value = System.getenv(PG_URL);
        return value != null && !value.isBlank();
    }

    public static boolean requireAll() {
        return "1".equals(System.getenv(REQUIRE_ALL));
    }

    private static <T> T missing(String reason) {
        if (requireAll()) {
            return fail(reason + " (" + REQUIRE_ALL + "=1, so this is a failure, not a skip)");
        }
        // Surefire's summary only counts skips; say why on the console as well, once per reason.
        if (REPORTED.add(reason)) {
            System.err.println("[qchat-test] SKIPPED: " + reason);
        }
        return Assumptions.abort(reason);
    }
}
