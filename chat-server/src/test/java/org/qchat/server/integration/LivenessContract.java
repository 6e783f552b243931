package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.Resume;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.SilentClient;
import org.qchat.server.testing.TestClient;

/**
 * Idle connections are closed after the idle timeout; pinging keeps a connection alive. Dead
 * links (a device that neither sends nor reads, its socket still open) are closed at the idle
 * timeout like any silent connection, and nothing sent to them is lost.
 */
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

    /** Waits, while {@code keeper} pings, for {@code keeper} to be told that {@code userId} went offline. */
    private static Duration awaitOfflineWhilePinging(TestClient keeper, long userId, Duration max) {
        long start = System.nanoTime();
        while (keeper.pollPush(PresencePush.class, p -> p.userId() == userId && !p.online(), PING_EVERY).isEmpty()) {
            if (System.nanoTime() - start > max.toNanos()) {
                fail("user %d did not go offline within %s", userId, max);
            }
            keeper.ping();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Takes {@code user}'s current connection away and logs the user in again from a device that then goes dead. */
    private SilentClient reconnectAsDeadLink(TestClient user, TestClient friend, String device) {
        user.close();
        friend.awaitPush(PresencePush.class, p -> p.userId() == user.userId() && !p.online());
        SilentClient dead = SilentClient.login("127.0.0.1", server.port(), user.username(), TestClient.PASSWORD, device);
        friend.awaitPush(PresencePush.class, p -> p.userId() == user.userId() && p.online());
        return dead;
    }

    @Test
    void aDeadLinkIsClosedAtTheIdleTimeoutAndWhatWasSentToItArrivesAtTheNextSync() {
        TestClient alice = newUser("alive");
        TestClient bob = newUser("deadlink");
        long convId = befriend(alice, bob);
        SilentClient dead = reconnectAsDeadLink(bob, alice, "phone");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            texts.add("into the void " + i);
            alice.sendText(convId, Names.msgId(), texts.get(i));
        }

        Duration waited = awaitOfflineWhilePinging(alice, bob.userId(), IDLE.multipliedBy(4));
        for (int i = 5; i < 8; i++) {
            texts.add("while offline " + i);
            alice.sendText(convId, Names.msgId(), texts.get(i));
        }

        assertThat(waited).as("not closed long before the idle timeout").isGreaterThan(IDLE.minusMillis(1500));
        assertThat(dead.drainUntilClosed(TestClient.TIMEOUT)).as("the server closed the dead link").isNotNegative();
        TestClient back = server.login(bob.username(), TestClient.PASSWORD, "phone");
        ConversationInfo conv = back.sync().conversations().stream().filter(c -> c.convId() == convId).findFirst()
                .orElseThrow();
        assertThat(conv.lastSeq() - conv.ackSeq()).as("unacknowledged messages for the phone").isEqualTo(8);
        assertThat(back.pullAll(convId, conv.ackSeq())).extracting(MessageInfo::text).containsExactlyElementsOf(texts);
        dead.close();
    }

    @Test
    void aDeviceThatPingsButNeverReadsIsClosedWhenNothingCouldBeWrittenToItForTheIdleTimeout() {
        TestClient alice = newUser("alive");
        TestClient bob = newUser("stuck");
        long convId = befriend(alice, bob);
        SilentClient stuck = reconnectAsDeadLink(bob, alice, "stuck");
        // 24 × 16 KB: more than the socket buffers take, far below the 4 MiB outbound limit.
        String text = "\uD83D\uDCE2".repeat(4000);
        for (int i = 0; i < 24; i++) {
            alice.sendText(convId, Names.msgId(), text);
        }

        long start = System.nanoTime();
        while (alice.pollPush(PresencePush.class, p -> p.userId() == bob.userId() && !p.online(), PING_EVERY)
                .isEmpty()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed within").isLessThan(IDLE.multipliedBy(4));
            stuck.sendWithoutReading(new Ping("keepalive-" + System.nanoTime()));
            alice.ping();
        }

        assertThat(stuck.drainUntilClosed(TestClient.TIMEOUT)).as("the server closed the stuck device").isNotNegative();
        stuck.close();
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
