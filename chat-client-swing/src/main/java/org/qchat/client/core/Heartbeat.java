package org.qchat.client.core;

import java.time.Duration;

import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;

/**
 * Keeps an idle link alive and notices a dead one: when nothing was sent for the server's
 * {@code heartbeatSeconds}, sends {@code ping}; a ping without {@code pong} in that time means
 * the link is gone (a silent network failure gives no close event), so it is reset.
 */
final class Heartbeat {

    /** Default from the protocol, used until {@code welcome} says otherwise. */
    static final int DEFAULT_SECONDS = 30;

    private final Requester requester;
    private final Scheduler scheduler;
    private final Runnable linkDead;
    private int intervalSeconds = DEFAULT_SECONDS;
    private Scheduler.Cancellable tick;

    Heartbeat(Requester requester, Scheduler scheduler, Runnable linkDead) {
        this.requester = requester;
        this.scheduler = scheduler;
        this.linkDead = linkDead;
    }

    /** The server's suggested interval, from {@code welcome}. */
    void setIntervalSeconds(int seconds) {
        intervalSeconds = Math.max(1, seconds);
    }

    int intervalSeconds() {
        return intervalSeconds;
    }

    void start() {
        stop();
        scheduleTick(Duration.ofSeconds(intervalSeconds));
    }

    void stop() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    private void scheduleTick(Duration delay) {
        tick = scheduler.schedule(delay, this::tick);
    }

    private void tick() {
        long intervalMillis = intervalSeconds * 1000L;
        long idle = scheduler.now() - requester.lastSendMillis();
        if (idle >= intervalMillis) {
            Duration timeout = Duration.ofSeconds(Math.max(5, intervalSeconds));
            requester.call(Ping::new, Pong.class, timeout).whenComplete((pong, failure) -> {
                ChatException e = ChatException.of(failure);
                if (e != null && e.kind() == ChatException.Kind.TIMEOUT) {
                    linkDead.run();
                }
            });
            scheduleTick(Duration.ofMillis(intervalMillis));
        } else {
            scheduleTick(Duration.ofMillis(intervalMillis - idle));
        }
    }
}
