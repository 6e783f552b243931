package org.qchat.server.config;

import java.time.Duration;

/**
 * Limits on how fast one client may act. All configurable (benchmarks raise them through config).
 *
 * @param requestsPerSecond        sustained requests per connection (token bucket refill rate)
 * @param requestBurst             requests a connection may send at once (bucket size)
 * @param loginFreeFailures        failed logins for one account from one address before delays start
 * @param loginFreeFailuresPerAddress failed logins from one address (any account) before delays start
 * @param loginBaseDelay           the first delay; it doubles with each further failure
 * @param loginMaxDelay            the longest delay
 * @param registrationsPerAddressPerHour accounts one address may create per hour
 */
public record RateLimits(double requestsPerSecond, int requestBurst, int loginFreeFailures,
                         int loginFreeFailuresPerAddress, Duration loginBaseDelay, Duration loginMaxDelay,
                         int registrationsPerAddressPerHour) {

    public RateLimits {
        if (requestsPerSecond <= 0 || requestBurst < 1) {
            throw new IllegalArgumentException("request rate and burst must be positive");
        }
        if (loginFreeFailures < 0 || loginFreeFailuresPerAddress < 0 || registrationsPerAddressPerHour < 0) {
            throw new IllegalArgumentException("login and registration limits must not be negative");
        }
        if (loginBaseDelay.isNegative() || loginMaxDelay.compareTo(loginBaseDelay) < 0) {
            throw new IllegalArgumentException("login delays must satisfy 0 <= base <= max");
        }
    }

    public static RateLimits defaults() {
        return new RateLimits(20, 60, 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), 10);
    }

    /** Limits high enough never to trigger: for tests and benchmarks that measure something else. */
    public static RateLimits unlimited() {
        return new RateLimits(1_000_000, 1_000_000, 1_000_000, 1_000_000, Duration.ZERO, Duration.ZERO, 1_000_000);
    }
}
