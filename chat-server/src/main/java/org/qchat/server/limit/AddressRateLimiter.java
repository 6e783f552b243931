package org.qchat.server.limit;

import java.util.function.LongSupplier;

/**
 * A {@link TokenBucket} per client address (IPv6 per /64, see {@link AddressKey}): up to
 * {@code capacity} actions at once, then {@code perSecond} on average. A bucket that has refilled
 * is forgotten, which changes nothing (a new bucket starts full), so only addresses that acted
 * recently take memory, and at most {@code maxEntries} of them (the least recently active go first).
 *
 * <p>Thread-safe.
 */
public final class AddressRateLimiter {

    /** {@link #takeOrWait} answer when the limit is zero: no token ever comes. */
    public static final long NEVER = Long.MAX_VALUE;

    private final int capacity;
    private final double perSecond;
    private final LongSupplier nanoClock;
    private final RecentMap<String, TokenBucket> buckets;

    /** @param capacity actions at once; 0 refuses every action */
    public AddressRateLimiter(int capacity, double perSecond, int maxEntries, LongSupplier nanoClock) {
        if (capacity < 0 || !(perSecond > 0)) {
            throw new IllegalArgumentException("capacity must be >= 0 and the rate positive");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.buckets = new RecentMap<>(maxEntries, TokenBucket::isFull);
    }

    /** {@code perHour} actions per address per hour: a burst of that many, refilled evenly over the hour. */
    public static AddressRateLimiter perHour(int perHour, int maxEntries, LongSupplier nanoClock) {
        return new AddressRateLimiter(perHour, Math.max(perHour, 1) / 3600.0, maxEntries, nanoClock);
    }

    /**
     * Takes a token for {@code address} and returns 0; or, if none is left, takes nothing and
     * returns the nanoseconds until one is ({@link #NEVER} when the limit is zero).
     */
    public synchronized long takeOrWait(String address) {
        if (capacity == 0) {
            return NEVER;
        }
        String key = AddressKey.of(address);
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new TokenBucket(capacity, perSecond, nanoClock);
        }
        long wait = bucket.tryTake() ? 0 : Math.max(1, bucket.nanosUntilToken());
        buckets.put(key, bucket);
        return wait;
    }

    /** Returns a token taken for an action that did not happen after all (e.g. the username was taken). */
    public synchronized void giveBack(String address) {
        TokenBucket bucket = buckets.get(AddressKey.of(address));
        if (bucket != null) {
            bucket.giveBack();
        }
    }
}
