package org.qchat.server.limit;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.qchat.server.config.RateLimits;

/**
 * The limits on anonymous requests, which come before anyone is known: password guesses
 * ({@code login}), token guesses ({@code resume}, counted per address only) and new accounts
 * ({@code register}) per address.
 */
public record AccountThrottles(LoginThrottle logins, LoginThrottle resumes, AddressRateLimiter registrations) {

    /** Keys remembered per kind: about 100 bytes each, so a few tens of MB at worst. */
    static final int MAX_ENTRIES = 100_000;
    /** The shortest time failure counts are remembered for (longer if the longest delay is). */
    static final Duration MIN_MEMORY = Duration.ofHours(1);

    public static AccountThrottles of(RateLimits limits, LongSupplier nanoClock) {
        Duration doubleMax = limits.loginMaxDelay().multipliedBy(2);
        Duration forgetAfter = doubleMax.compareTo(MIN_MEMORY) > 0 ? doubleMax : MIN_MEMORY;
        LoginThrottle logins = new LoginThrottle(limits.loginFreeFailures(), limits.loginFreeFailuresPerAddress(),
                limits.loginBaseDelay(), limits.loginMaxDelay(), forgetAfter, MAX_ENTRIES, nanoClock);
        LoginThrottle resumes = new LoginThrottle(limits.loginFreeFailuresPerAddress(),
                limits.loginFreeFailuresPerAddress(), limits.loginBaseDelay(), limits.loginMaxDelay(), forgetAfter,
                MAX_ENTRIES, nanoClock);
        AddressRateLimiter registrations = AddressRateLimiter.perHour(limits.registrationsPerAddressPerHour(),
                MAX_ENTRIES, nanoClock);
        return new AccountThrottles(logins, resumes, registrations);
    }
}
