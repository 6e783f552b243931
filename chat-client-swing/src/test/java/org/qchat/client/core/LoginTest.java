package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.FriendList;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.Sync;

class LoginTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final ServerList CLUSTER = ServerList.parse("a.chat.example,b.chat.example");
    private final ClientHarness h = new ClientHarness();

    private static String errorKey(CompletableFuture<?> f, Action action) {
        assertThat(f).isCompletedExceptionally();
        return ErrorKeys.of(f.handle((v, t) -> t).join(), action);
    }

    @Test
    void loggingInSendsTheCredentialsWithTheStoredDeviceAndGoesOnline() {
        CompletableFuture<Void> login = h.startLogin("alice", false);
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.CONNECTING);

        Login sent = h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(sent.username()).isEqualTo("alice");
        assertThat(sent.device()).isEqualTo("test-device");
        assertThat(sent.protocol()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(login).isCompleted();
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(h.client.session().me()).isEqualTo(ME);
    }

    @Test
    void registeringLoggingInAndResumingAllAnnounceProtocolVersionTwo() {
        assertThat(ProtocolVersion.CURRENT).as("files and images need version 2").isEqualTo(2);
        h.client.login(ClientHarness.SERVER, new Credentials.Registration("alice", "password1", "Alice"), false);
        h.transport().acceptConnection();
        assertThat(h.fail(Register.class, ErrorCode.CONFLICT).protocol()).isEqualTo(2);

        h.client.login(ClientHarness.SERVER, new Credentials.Token("alice", "remembered-token"), false);
        h.transport().acceptConnection();
        assertThat(h.answer(Resume.class, r -> ClientHarness.session(r.id(), ME)).protocol()).isEqualTo(2);

        h.transport().drop("network down");
        assertThat(h.reconnectAndResume(ME).protocol()).as("the resume after a drop").isEqualTo(2);
        h.client.logout();
        CompletableFuture<Void> login = h.startLogin("alice", false);
        assertThat(h.answer(Login.class, r -> ClientHarness.session(r.id(), ME)).protocol()).isEqualTo(2);
        assertThat(login).isCompleted();
    }

    @Test
    void afterLoggingInTheClientLoadsFriendsGroupsRequestsAndSyncs() {
        h.startLogin("alice", false);
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(h.hasUnanswered(ListFriends.class)).isTrue();
        assertThat(h.hasUnanswered(ListGroups.class)).isTrue();
        assertThat(h.hasUnanswered(ListFriendRequests.class)).isTrue();
        assertThat(h.hasUnanswered(Sync.class)).isTrue();

        h.answer(ListFriends.class, r -> new FriendList(r.id(), List.of(Wire.friend(2, "Bob", true, 12))));
        assertThat(h.client.contacts().sorted()).extracting(c -> c.displayName()).containsExactly("Bob");
        assertThat(h.client.conversations().get(12)).isPresent();
    }

    @Test
    void rememberMeKeepsTheSessionTokenAndNotThePassword() {
        h.startLogin("alice", true);
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(h.store.savedSession()).get().satisfies(saved -> {
            assertThat(saved.token()).isEqualTo(ClientHarness.TOKEN);
            assertThat(saved.username()).isEqualTo("alice");
            assertThat(saved.servers()).isEqualTo(ClientHarness.SERVER);
            assertThat(saved.toString()).doesNotContain("password1");
        });
    }

    @Test
    void withoutRememberMeAnOldSavedSessionIsForgotten() {
        h.store.saveSession(new SessionStore.SavedSession(ClientHarness.SERVER, "alice", "old"));

        h.startLogin("alice", false);
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(h.store.savedSession()).isEmpty();
    }

    @Test
    void aRememberedTokenStartsTheSessionWithResumeAndNoPassword() {
        CompletableFuture<Void> login = h.client.login(ClientHarness.SERVER,
                new Credentials.Token("alice", "remembered-token"), true);
        h.transport().acceptConnection();

        Resume resume = h.answer(Resume.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(resume.token()).isEqualTo("remembered-token");
        assertThat(resume.device()).isEqualTo("test-device");
        assertThat(login).isCompleted();
        assertThat(h.transport().sent(Login.class)).isEmpty();
    }

    @Test
    void aWrongPasswordFailsTheLoginInPlainWordsAndClosesTheLink() {
        CompletableFuture<Void> login = h.startLogin("alice", true);

        h.fail(Login.class, ErrorCode.UNAUTHENTICATED);

        assertThat(errorKey(login, Action.LOGIN)).isEqualTo("error.login.wrongPassword");
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
        assertThat(h.transport().isClosed()).isTrue();
        assertThat(h.store.savedSession()).isEmpty();
    }

    @Test
    void aDisabledAccountIsToldApartFromAWrongPassword() {
        CompletableFuture<Void> login = h.startLogin("alice", false);

        h.fail(Login.class, ErrorCode.FORBIDDEN);

        assertThat(errorKey(login, Action.LOGIN)).isEqualTo("error.login.disabled");
    }

    @Test
    void registeringATakenNameSaysTheNameIsTaken() {
        CompletableFuture<Void> login = h.client.login(ClientHarness.SERVER,
                new Credentials.Registration("alice", "password1", "爱丽丝"), false);
        h.transport().acceptConnection();

        Register sent = h.fail(Register.class, ErrorCode.CONFLICT);

        assertThat(sent.nickname()).isEqualTo("爱丽丝");
        assertThat(errorKey(login, Action.REGISTER)).isEqualTo("error.register.nameTaken");
    }

    @Test
    void anUnreachableServerFailsTheLoginAndStopsRetrying() {
        CompletableFuture<Void> login = h.client.login(ClientHarness.SERVER,
                new Credentials.Password("alice", "password1"), false);

        h.transport().refuseConnection();

        assertThat(errorKey(login, Action.LOGIN)).isEqualTo("error.unreachable");
        assertThat(h.transport().isClosed()).isTrue();
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
    }

    @Test
    void withSeveralServersARefusedFirstAddressLeavesTheLoginToTheNext() {
        CompletableFuture<Void> login = h.client.login(CLUSTER, new Credentials.Password("alice", "password1"), false);

        h.transport().refuseConnection(); // node a is down; the transport moves on to node b
        assertThat(login).isNotDone();
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.CONNECTING);
        h.transport().acceptConnection();
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(login).isCompleted();
        assertThat(h.transport().servers()).isEqualTo(CLUSTER);
    }

    @Test
    void withSeveralServersTheLoginIsUnreachableOnceEveryAddressRefused() {
        CompletableFuture<Void> login = h.client.login(CLUSTER, new Credentials.Password("alice", "password1"), false);

        h.transport().refuseConnection();
        h.transport().refuseConnection();

        assertThat(errorKey(login, Action.LOGIN)).isEqualTo("error.unreachable");
        assertThat(h.transport().isClosed()).isTrue();
    }

    @Test
    void aServerThatNeverAcceptsTheConnectionCountsAsUnreachableAfterTenSeconds() {
        CompletableFuture<Void> login = h.client.login(ClientHarness.SERVER,
                new Credentials.Password("alice", "password1"), false);

        h.scheduler.advance(Duration.ofSeconds(9));
        assertThat(login).isNotDone();
        h.scheduler.advance(Duration.ofSeconds(1));

        assertThat(errorKey(login, Action.LOGIN)).isEqualTo("error.unreachable");
    }

    @Test
    void aFailedLoginCanBeFollowedByAnotherOnAFreshLink() {
        h.startLogin("alice", false);
        h.fail(Login.class, ErrorCode.UNAUTHENTICATED);

        CompletableFuture<Void> second = h.startLogin("alice", false);
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ME));

        assertThat(h.transports).hasSize(2);
        assertThat(second).isCompleted();
    }

    @Test
    void welcomeTellsTheTransportTheServersFrameLimit() {
        h.startLogin("alice", false);

        assertThat(h.transport().maxOutboundFrame()).isEqualTo(262144);
    }

    @Test
    void loggingOutRevokesTheTokenForgetsTheSessionAndClosesTheLink() {
        h.loginAs(ME, List.of(), List.of(), List.of());
        h.store.saveSession(new SessionStore.SavedSession(ClientHarness.SERVER, "alice", ClientHarness.TOKEN));

        h.client.logout();

        assertThat(h.transport().sent(org.qchat.protocol.packet.Logout.class)).hasSize(1);
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
        assertThat(h.transport().isClosed()).as("open a moment so the logout gets out").isFalse();
        h.scheduler.advance(SessionController.LOGOUT_FLUSH);
        assertThat(h.transport().isClosed()).isTrue();
        assertThat(h.store.savedSession()).isEmpty();
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
        assertThat(h.client.session().signedOutReason()).isNull();
    }
}
