package org.qchat.server.limit;

import java.util.function.LongSupplier;

/**
 * A token bucket: it holds up to {@code capacity} tokens, starts full and refills continuously at
 * {@code perSecond}. An action that finds a token takes it; one that finds none is refused, and
 * {@link #nanosUntilToken()} says when the next token arrives. Nobody sleeps.
 *
 * <p>Kept as the moment the bucket will be full again ({@code fullAt}) rather than as a fractional
 * token count, so the arithmetic is exact in nanoseconds: with {@code T} = nanoseconds per token,
 * the bucket holds {@code capacity - (fullAt - now) / T} tokens. Time comes from an injected
 * nanosecond clock ({@code System::nanoTime}; a fake one in tests), like Openfire's
 * {@code TokenBucketRateLimiter}.
 *
 * <p>Thread-safe: every method is synchronized. A bucket is normally touched by one thread at a time.
 */
public final class TokenBucket {

    private final LongSupplier nanoClock;
    /** Nanoseconds to refill one token. */
    private final long interval;
    /** How far {@code fullAt} may lie ahead of now while a token is still left: (capacity - 1) tokens. */
    private final long tolerance;
    private long fullAt;

    /**
     * @param capacity  tokens when full: how many actions may come at once (at least 1)
     * @param perSecond tokens added per second: the sustained rate (positive)
     */
    public TokenBucket(int capacity, double perSecond, LongSupplier nanoClock) {
        if (capacity < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive rate");
        }
        this.nanoClock = nanoClock;
        this.interval = Math.max(1, Math.round(1e9 / perSecond));
        this.tolerance = saturatedMultiply(capacity - 1, interval);
        this.fullAt = nanoClock.getAsLong();
    }

    /** Takes a token if there is one; returns false, taking nothing, if the bucket is empty. */
    public synchronized boolean tryTake() {
        long now = nanoClock.getAsLong();
        long start = Math.max(fullAt - now, 0);
        if (start > tolerance) {
            return false;
        }
        fullAt = now + start + interval;
        return true;
    }

    /** Puts back a token taken for an action that did not happen after all. */
    public synchronized void giveBack() {
        long now = nanoClock.getAsLong();
        fullAt = fullAt - now > interval ? fullAt - interval : now;
    }

    /** Nanoseconds until a token is available; 0 if one is available now. */
    public synchronized long nanosUntilToken() {
        long now = nanoClock.getAsLong();
        return Math.max(0, fullAt - now - tolerance);
    }

    /** Whether the bucket is full, i.e. indistinguishable from a new one (so it may be forgotten). */
    public synchronized boolean isFull() {
        return fullAt - nanoClock.getAsLong() <= 0;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }
}
