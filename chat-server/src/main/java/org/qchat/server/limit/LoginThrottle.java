package org.qchat.server.limit;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Slows password guessing down without letting anyone lock a victim out. Failures are counted
 * twice: per (account, address) and per address (any account). After {@code freePerAccount}
 * failures for the pair, or {@code freePerAddress} for the address, the next attempt from there must
 * wait: {@code baseDelay} after the last failure, doubling with every further failure up to
 * {@code maxDelay}. An attempt that comes too early is refused at once with the time left; no
 * thread ever sleeps. A successful login clears its (account, address) count but not the
 * address's: a guesser who owns one account must not be able to reset the address by logging in.
 *
 * <p>Failures from another address never touch the real owner's (account, address) count, so an
 * attacker elsewhere cannot lock them out; the price is that guesses spread over many addresses
 * are only slowed per address (IPv6 counts per /64, see {@link AddressKey}).
 *
 * <p>Parallel connections cannot guess together: an attempt is counted from {@link #begin} until
 * it ends, so no more attempts run at once than failures remain free, and once delays apply only
 * one attempt per key runs at a time. A count is forgotten {@code forgetAfter} after its last
 * change, and at most {@code maxEntries} keys of each kind are kept (the least recently changed go
 * first), so memory stays bounded.
 *
 * <p>Thread-safe. Cheap next to the password hash each attempt costs.
 */
public final class LoginThrottle {

    /** The wait given when the attempt that may be the last free one is still being checked. */
    static final long BUSY_RETRY_NANOS = Duration.ofSeconds(1).toNanos();
    /** No username is longer; a longer name cannot be anyone's, so it counts against the address only. */
    private static final int MAX_ACCOUNT_KEY = 64;

    private final int freePerAccount;
    private final int freePerAddress;
    private final long baseDelay;
    private final long maxDelay;
    private final long forgetAfter;
    private final LongSupplier nanoClock;
    private final RecentMap<AccountAtAddress, Failures> byAccount;
    private final RecentMap<String, Failures> byAddress;

    public LoginThrottle(int freePerAccount, int freePerAddress, Duration baseDelay, Duration maxDelay,
                         Duration forgetAfter, int maxEntries, LongSupplier nanoClock) {
        if (freePerAccount < 0 || freePerAddress < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("need free failures >= 0 and 0 <= base <= max <= forgetAfter");
        }
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.baseDelay = baseDelay.toNanos();
        this.maxDelay = maxDelay.toNanos();
        this.forgetAfter = forgetAfter.toNanos();
        this.nanoClock = nanoClock;
        this.byAccount = new RecentMap<>(maxEntries, this::isStale);
        this.byAddress = new RecentMap<>(maxEntries, this::isStale);
    }

    /**
     * Asks to check a password for {@code account} (as typed; case is ignored) from {@code address}.
     * Use the result in try-with-resources and end it with {@link Attempt#failed()} or
     * {@link Attempt#succeeded()}; closing it without either means the password was never judged.
     *
     * @param account the account name, or null to count against the address only
     */
    public synchronized Attempt begin(String account, String address) {
        String addressKey = AddressKey.of(address);
        if (maxDelay == 0) {
            return new Attempt(null, null, 0);
        }
        AccountAtAddress accountKey = account == null || account.length() > MAX_ACCOUNT_KEY ? null
                : new AccountAtAddress(account.toLowerCase(Locale.ROOT), addressKey);
        long now = nanoClock.getAsLong();
        Failures atAddress = byAddress.get(addressKey);
        Failures forAccount = accountKey == null ? null : byAccount.get(accountKey);
        long wait = Math.max(waitNanos(atAddress, freePerAddress, now), waitNanos(forAccount, freePerAccount, now));
        if (wait > 0) {
            return new Attempt(null, null, wait);
        }
        start(byAddress, addressKey, atAddress, now);
        if (accountKey != null) {
            start(byAccount, accountKey, forAccount, now);
        }
        return new Attempt(accountKey, addressKey, 0);
    }

    /** The delay after {@code failures} failures of which {@code free} were free; 0 while free. */
    long delayNanos(int failures, int free) {
        int doublings = failures - Math.max(free, 1);
        if (doublings < 0) {
            return 0;
        }
        if (doublings >= Long.SIZE - 1 || baseDelay > maxDelay >> doublings) {
            return maxDelay;
        }
        return baseDelay << doublings;
    }

    private long waitNanos(Failures f, int free, long now) {
        if (f == null) {
            return 0;
        }
        if (f.blockedUntil - now > 0) {
            return f.blockedUntil - now;
        }
        if (f.inFlight > 0 && f.failures + f.inFlight >= Math.max(free, 1)) {
            return BUSY_RETRY_NANOS;
        }
        return 0;
    }

    private <K> void start(RecentMap<K, Failures> map, K key, Failures existing, long now) {
        Failures f = existing != null ? existing : new Failures(now);
        f.inFlight++;
        f.changedAt = now;
        map.put(key, f);
    }

    private synchronized void end(AccountAtAddress accountKey, String addressKey, Outcome outcome) {
        long now = nanoClock.getAsLong();
        if (accountKey != null) {
            if (outcome == Outcome.SUCCEEDED) {
                byAccount.remove(accountKey);
            } else {
                end(byAccount, accountKey, outcome, freePerAccount, now);
            }
        }
        if (addressKey != null) {
            end(byAddress, addressKey, outcome, freePerAddress, now);
        }
    }

    private <K> void end(RecentMap<K, Failures> map, K key, Outcome outcome, int free, long now) {
        Failures f = map.get(key);
        if (f == null) {
            // forgotten meanwhile (evicted, or cleared by a success): a failure starts a new count
            f = new Failures(now);
        }
        f.inFlight = Math.max(0, f.inFlight - 1);
        f.changedAt = now;
        if (outcome == Outcome.FAILED) {
            f.failures++;
            long delay = delayNanos(f.failures, free);
            if (delay > 0) {
                f.blockedUntil = now + delay;
            }
        }
        if (f.failures == 0 && f.inFlight == 0) {
            map.remove(key);
        } else {
            map.put(key, f);
        }
    }

    private boolean isStale(Failures f) {
        long now = nanoClock.getAsLong();
        return f.inFlight == 0 && now - f.changedAt >= forgetAfter && now - f.blockedUntil >= 0;
    }

    /** Keys currently remembered, of both kinds: for tests of the memory bound. */
    synchronized int size() {
        return byAccount.size() + byAddress.size();
    }

    private enum Outcome { FAILED, SUCCEEDED, CANCELLED }

    private record AccountAtAddress(String account, String address) {
    }

    /** Failure count of one key. Guarded by the throttle's lock. */
    private static final class Failures {
        int failures;
        int inFlight;
        /** Nanos of the clock; in the past (not 0: nanoTime may be negative) when not blocked. */
        long blockedUntil;
        long changedAt;

        Failures(long now) {
            blockedUntil = now;
            changedAt = now;
        }
    }

    /** One password check, admitted or refused. */
    public final class Attempt implements AutoCloseable {

        private final AccountAtAddress accountKey;
        private final String addressKey;
        private final long retryAfterNanos;
        private boolean ended;

        private Attempt(AccountAtAddress accountKey, String addressKey, long retryAfterNanos) {
            this.accountKey = accountKey;
            this.addressKey = addressKey;
            this.retryAfterNanos = retryAfterNanos;
            this.ended = retryAfterNanos > 0;
        }

        /** Whether the attempt was refused: the password must not even be checked. */
        public boolean refused() {
            return retryAfterNanos > 0;
        }

        /** How long the client must wait before trying again; 0 if admitted. */
        public Duration retryAfter() {
            return Duration.ofNanos(retryAfterNanos);
        }

        /** The password (or the account) was wrong. */
        public void failed() {
            finish(Outcome.FAILED);
        }

        /** The password was right. */
        public void succeeded() {
            finish(Outcome.SUCCEEDED);
        }

        /** Ends an attempt that was neither failed nor succeeded (e.g. the database failed): it never counted. */
        @Override
        public void close() {
            finish(Outcome.CANCELLED);
        }

        private void finish(Outcome outcome) {
            if (!ended) {
                ended = true;
                end(accountKey, addressKey, outcome);
            }
        }
    }
}
