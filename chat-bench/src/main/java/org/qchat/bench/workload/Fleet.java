package org.qchat.bench.workload;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.LatencyStats;

/**
 * The simulated users of one run and what they observed. Counters and histograms are touched
 * only on the loop thread; other threads read them through {@link EventLoop#call}. A delivery or
 * ack stamped with an earlier step than the current one counts as late and is not measured.
 */
public final class Fleet implements ClientListener {

    /**
     * Logins started at once. t-io listens with the JDK's default accept backlog (50): a larger
     * burst of connects overflows it, and the kernel then drops handshakes, leaving some clients
     * connected on their side only. Below the backlog, nothing is dropped.
     */
    public static final int DEFAULT_IN_FLIGHT = 40;
    /** A login that has not completed by then is abandoned and started again. */
    static final long LOGIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EventLoop loop;
    private final ClientFactory factory;
    private final BenchClient[] clients;
    private final LatencyStats delivery = new LatencyStats();
    private final LatencyStats ack = new LatencyStats();
    private final LatencyStats login = new LatencyStats();
    private final long[] loginStarted;
    private final boolean[] loggedIn;
    private final boolean[] failedBeforeLogin;
    private long loginRetries;
    private int step = -1;
    private long delivered;
    private long acked;
    private long late;
    private long errors;
    private long unexpectedCloses;
    private int ready;
    private String firstError;
    private CompletableFuture<Void> allReady;
    private int readyTarget;

    public Fleet(EventLoop loop, ClientFactory factory, int users) {
        this.loop = loop;
        this.factory = factory;
        this.clients = new BenchClient[users];
        this.loginStarted = new long[users];
        this.loggedIn = new boolean[users];
        this.failedBeforeLogin = new boolean[users];
    }

    public BenchClient client(int user) {
        return clients[user];
    }

    public int size() {
        return clients.length;
    }

    /**
     * Starts the users that {@code which} selects, at most {@code inFlight} connecting at a time,
     * and waits until all are logged in.
     *
     * @return the wall time it took
     */
    public Duration connect(IntPredicate which, int inFlight, Duration timeout) throws TimeoutException {
        long start = System.nanoTime();
        List<Integer> users = new ArrayList<>();
        for (int u = 0; u < clients.length; u++) {
            if (which.test(u) && (clients[u] == null || !clients[u].isReady())) {
                users.add(u);
            }
        }
        CompletableFuture<Void> done = loop.call(() -> {
            allReady = new CompletableFuture<>();
            readyTarget = ready + users.size();
            if (users.isEmpty()) {
                allReady.complete(null);
            }
            return allReady;
        });
        loop.execute(() -> new Ramp(users, inFlight).next());
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            int r = loop.call(() -> ready);
            throw new TimeoutException(r + " of " + readyTarget + " users logged in within " + timeout
                    + (firstError != null ? "; first error: " + firstError : ""));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Keeps at most {@code inFlight} logins outstanding, and starts again any that failed or took
     * longer than {@link #LOGIN_TIMEOUT_NANOS}, as a client would.
     */
    private final class Ramp {
        private final ArrayDeque<Integer> waiting;
        private final ArrayDeque<Integer> pending = new ArrayDeque<>();
        private final int inFlight;

        Ramp(List<Integer> users, int inFlight) {
            this.waiting = new ArrayDeque<>(users);
            this.inFlight = inFlight;
        }

        void next() {
            long now = System.nanoTime();
            for (int i = pending.size(); i > 0; i--) {
                int u = pending.poll();
                if (loggedIn[u]) {
                    continue;
                }
                if (failedBeforeLogin[u] || now - loginStarted[u] > LOGIN_TIMEOUT_NANOS) {
                    clients[u].close();
                    loginRetries++;
                    waiting.add(u);
                } else {
                    pending.add(u);
                }
            }
            while (pending.size() < inFlight && !waiting.isEmpty()) {
                int u = waiting.poll();
                failedBeforeLogin[u] = false;
                loginStarted[u] = now;
                clients[u] = factory.start(loop, u, Fleet.this);
                pending.add(u);
            }
            if (!allReady.isDone()) {
                loop.schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1), this::next);
            }
        }
    }

    /** Starts a new measurement step: counters and histograms start from zero. Loop thread. */
    public void beginStep(int newStep) {
        step = newStep;
        delivered = 0;
        acked = 0;
        late = 0;
        errors = 0;
        delivery.reset();
        ack.reset();
    }

    /** Closes every client. */
    public void closeAll() {
        loop.call(() -> {
            for (BenchClient c : clients) {
                if (c != null) {
                    c.close();
                }
            }
            return null;
        });
    }

    public long delivered() {
        return delivered;
    }

    public long acked() {
        return acked;
    }

    public long late() {
        return late;
    }

    public long errors() {
        return errors;
    }

    public long unexpectedCloses() {
        return unexpectedCloses;
    }

    public String firstError() {
        return firstError;
    }

    /** Logins abandoned (failed or timed out) and started again. */
    public long loginRetries() {
        return loginRetries;
    }

    public int readyCount() {
        return ready;
    }

    public LatencyStats deliveryLatency() {
        return delivery;
    }

    public LatencyStats ackLatency() {
        return ack;
    }

    public LatencyStats loginLatency() {
        return login;
    }

    @Override
    public void onReady(BenchClient client) {
        if (clients[client.user()] != client || loggedIn[client.user()]) {
            return;
        }
        loggedIn[client.user()] = true;
        ready++;
        login.recordNanos(System.nanoTime() - loginStarted[client.user()]);
        if (allReady != null && ready >= readyTarget) {
            allReady.complete(null);
        }
    }

    /** Marks {@code user} as logging in again now (a reconnect in the mixed workload). */
    public void restart(int user, ClientFactory with) {
        if (loggedIn[user]) {
            loggedIn[user] = false;
            ready--;
        }
        loginStarted[user] = System.nanoTime();
        clients[user] = with.start(loop, user, this);
    }

    public void resetLoginLatency() {
        login.reset();
    }

    @Override
    public void onAck(BenchClient client, int ackStep, long intendedNanos) {
        if (ackStep != step) {
            return;
        }
        acked++;
        ack.recordNanos(System.nanoTime() - intendedNanos);
    }

    @Override
    public void onDelivery(BenchClient client, int deliveryStep, long intendedNanos) {
        if (deliveryStep != step) {
            late++;
            return;
        }
        delivered++;
        delivery.recordNanos(System.nanoTime() - intendedNanos);
    }

    @Override
    public void onError(BenchClient client, String what) {
        errors++;
        if (firstError == null) {
            firstError = "user " + client.user() + ": " + what;
        }
    }

    @Override
    public void onClosed(BenchClient client, Throwable cause) {
        if (clients[client.user()] == client && loggedIn[client.user()]) {
            loggedIn[client.user()] = false;
            ready--;
        } else if (clients[client.user()] == client) {
            failedBeforeLogin[client.user()] = true;
        }
        if (cause != null) {
            unexpectedCloses++;
            if (firstError == null) {
                firstError = "user " + client.user() + " disconnected: " + cause;
            }
        }
    }
}
