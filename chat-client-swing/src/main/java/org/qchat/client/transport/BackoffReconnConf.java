package org.qchat.client.transport;

import java.util.concurrent.ThreadLocalRandom;

import org.tio.client.ReconnConf;
import org.tio.utils.thread.pool.SynThreadPoolExecutor;

/**
 * t-io's reconnection settings with exponential back-off (1 s doubling to 30 s, with jitter) in
 * place of its fixed interval, and with our own daemon thread pool: t-io's default reconnect pool
 * has non-daemon threads that would keep the JVM alive after the last window closed. t-io reads
 * the interval again before every attempt, so changing it here takes effect at the next one.
 */
final class BackoffReconnConf extends ReconnConf {

    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 30_000;

    private final SynThreadPoolExecutor executor;
    private long nextDelay = FIRST_DELAY_MILLIS;

    BackoffReconnConf(SynThreadPoolExecutor executor) {
        super(FIRST_DELAY_MILLIS);
        this.executor = executor;
    }

    @Override
    public SynThreadPoolExecutor getThreadPoolExecutor() {
        return executor;
    }

    /** A connection came up: the next drop is retried quickly again. */
    synchronized void succeeded() {
        nextDelay = FIRST_DELAY_MILLIS;
        setInterval(FIRST_DELAY_MILLIS);
    }

    /** An attempt failed: wait longer before the next one. */
    synchronized void failed() {
        nextDelay = Math.min(MAX_DELAY_MILLIS, nextDelay * 2);
        long jitter = ThreadLocalRandom.current().nextLong(nextDelay / 5 + 1);
        setInterval(nextDelay - nextDelay / 10 + jitter);
    }
}
