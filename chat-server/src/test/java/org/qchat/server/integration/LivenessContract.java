package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.Resume;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.TestClient;

/** Idle connections are closed after the idle timeout; pinging keeps a connection alive. */
abstract class LivenessContract extends ServerContract {

    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration PING_EVERY = Duration.ofMillis(700);
    private static final Duration TOKEN_IDLE = Duration.ofSeconds(4);

    protected LivenessContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void configure(ServerConfig.Builder config) {
        config.idleTimeout(IDLE).tokenIdleTimeout(TOKEN_IDLE);
    }

    /** Pings from {@code keeper} (so it stays alive) until {@code c} reaches end of stream. */
    private static Duration awaitClosedWhilePinging(TestClient c, TestClient keeper, Duration max) {
        long start = System.nanoTime();
        while (!c.awaitEof(PING_EVERY)) {
            if (System.nanoTime() - start > max.toNanos()) {
                fail("%s was not closed within %s", c, max);
            }
            keeper.ping();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void theWelcomeSuggestsPingingAtAThirdOfTheIdleTimeout() {
        assertThat(server.connect().welcome().heartbeatSeconds()).isEqualTo(1);
    }

    @Test
    void aSilentClientIsClosedAfterTheIdleTimeoutAndItsFriendsSeeItGoOffline() {
        TestClient silent = newUser("idle");
        TestClient friend = newUser("idle");
        befriend(silent, friend);
        long silentId = silent.userId();

        Duration waited = awaitClosedWhilePinging(silent, friend, IDLE.multipliedBy(4));

        assertThat(waited).as("not closed long before the idle timeout").isGreaterThan(IDLE.minusMillis(1500));
        List<ByePush> byes = silent.takePushes(ByePush.class, b -> true);
        assertThat(byes).as("a bye, if sent, names the idle timeout")
                .allSatisfy(b -> assertThat(b.reason()).isEqualTo("idle_timeout"));
        assertThat(friend.isEof()).as("the friend, who kept pinging, is still connected").isFalse();
        Optional<PresencePush> offline = Optional.empty();
        for (int i = 0; i < 10 && offline.isEmpty(); i++) {
            friend.ping();
            offline = friend.pollPush(PresencePush.class, p -> p.userId() == silentId && !p.online(), PING_EVERY);
        }
        assertThat(offline).as("presence offline for the timed-out friend").isPresent();
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedWhenIdleToo() {
        TestClient anonymous = server.connect();
        TestClient keeper = newUser("keeper");

        awaitClosedWhilePinging(anonymous, keeper, IDLE.multipliedBy(4));
    }

    @Test
    void aClientThatPingsKeepsItsConnectionWellPastTheIdleTimeout() {
        TestClient pinger = newUser("pinger");
        long end = System.nanoTime() + IDLE.multipliedBy(2).plusSeconds(1).toNanos();

        while (System.nanoTime() < end) {
            pinger.ping();
            pinger.assertNoPush(ByePush.class, b -> true, PING_EVERY);
        }

        assertThat(pinger.isEof()).isFalse();
        pinger.sync();
    }

    /** Lets {@code duration} pass while {@code keeper} pings, so its own connection is not the one timing out. */
    private static void letTimePass(TestClient keeper, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            keeper.ping();
            keeper.assertNoPush(ByePush.class, b -> true,
                    Duration.ofNanos(Math.max(0, Math.min(PING_EVERY.toNanos(), end - System.nanoTime()))));
        }
    }

    private static Resume resume(TestClient c, String token) {
        return new Resume(c.nextId(), ProtocolVersion.CURRENT, token, null);
    }

    @Test
    void aTokenExpiresWhenUnusedForTheTokenIdleTimeoutAndEachResumeRefreshesIt() {
        TestClient keeper = newUser("keeper");
        TestClient used = newUser("tokused");
        TestClient unused = newUser("tokunused");
        String usedToken = used.token();
        String unusedToken = unused.token();
        used.close();
        unused.close();

        letTimePass(keeper, TOKEN_IDLE.dividedBy(2));
        server.connect().resume(usedToken, null).token();
        letTimePass(keeper, TOKEN_IDLE.dividedBy(2).plusSeconds(1));

        TestClient c = server.connect();
        assertThat(c.resume(usedToken, null).token()).as("used %s ago, issued %s ago", TOKEN_IDLE.dividedBy(2).plusSeconds(1),
                TOKEN_IDLE.plusSeconds(1)).isEqualTo(usedToken);
        TestClient d = server.connect();
        d.expectError(resume(d, unusedToken), ErrorCode.UNAUTHENTICATED);
        d.login(unused.username(), TestClient.PASSWORD, null);
    }
}
