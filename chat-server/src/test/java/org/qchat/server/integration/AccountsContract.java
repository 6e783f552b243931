package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.ChangePassword;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.DisableUser;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Logout;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.ResetPassword;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SearchUsers;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.UpdateProfile;
import org.qchat.protocol.packet.UserList;
import org.qchat.protocol.packet.UserReply;
import org.qchat.protocol.packet.UserUpdatedPush;
import org.qchat.protocol.packet.Welcome;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/** Registration, login, tokens, passwords, profiles and the admin account requests. */
abstract class AccountsContract extends ServerContract {

    private static final String CJK = "汉";
    private static final String EMOJI = "😀"; // one code point, two UTF-16 chars

    protected AccountsContract(Backend backend) {
        super(backend);
    }

    private static Register register(TestClient c, String username, String password, String nickname, String device) {
        return new Register(c.nextId(), ProtocolVersion.CURRENT, username, password, nickname, device);
    }

    private static Login login(TestClient c, String username, String password) {
        return new Login(c.nextId(), ProtocolVersion.CURRENT, username, password, null);
    }

    private static Resume resume(TestClient c, String token) {
        return new Resume(c.nextId(), ProtocolVersion.CURRENT, token, null);
    }

    @Test
    void welcomeIsTheFirstPacketAndAnnouncesProtocolAndLimits() {
        TestClient c = server.connect();

        Welcome welcome = c.welcome();
        assertThat(welcome.protocol()).isEqualTo(2);
        assertThat(welcome.maxFrame()).isEqualTo(262144);
        assertThat(welcome.heartbeatSeconds()).as("idleTimeout 90 s / 3").isEqualTo(30);
        assertThat(welcome.server()).startsWith("qchat/");
    }

    @Test
    void registerCreatesTheAccountLogsInAndTheSameCredentialsLogInElsewhere() {
        String name = Names.unique("Reg");
        TestClient first = server.connect();
        long before = System.currentTimeMillis();

        SessionStarted registered = first.register(name);

        assertThat(registered.user().username()).isEqualTo(name);
        assertThat(registered.user().nickname()).as("nickname defaults to the username").isEqualTo(name);
        assertThat(registered.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(registered.device()).as("a generated device id").isNotBlank();
        assertThat(registered.protocol()).isEqualTo(2);
        assertThat(registered.serverTime()).isBetween(before - 60_000, System.currentTimeMillis() + 60_000);
        first.sync();

        TestClient second = server.connect();
        SessionStarted loggedIn = second.login(name, PASSWORD, "laptop-1");
        assertThat(loggedIn.user().userId()).isEqualTo(registered.user().userId());
        assertThat(loggedIn.device()).isEqualTo("laptop-1");
        assertThat(loggedIn.token()).isNotEqualTo(registered.token()).matches("[A-Za-z0-9_-]{43}");
        second.sync();
    }

    @Test
    void registeringWithoutANicknameWorksWhateverTheNicknameLimitTheUsernameIsCutToFit() {
        try (ServerHarness small = ServerHarness.start(backend(),
                b -> b.limits(org.qchat.server.config.Limits.defaults().withMaxNickname(4)))) {
            String name = Names.unique("LongName");
            SessionStarted registered = small.connect().register(name, PASSWORD, null, null);
            assertThat(registered.user().nickname()).isEqualTo(name.substring(0, 4));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameUnauthenticatedError() {
        TestClient owner = newUser("pw");
        TestClient c = server.connect();

        ErrorReply wrongPassword = c.expectError(login(c, owner.username(), "not-the-password"), ErrorCode.UNAUTHENTICATED);
        ErrorReply unknownUser = c.expectError(login(c, Names.unique("ghost"), PASSWORD), ErrorCode.UNAUTHENTICATED);

        assertThat(wrongPassword.message()).as("no hint whether the user exists").isEqualTo(unknownUser.message());
        c.expectError(new Sync(c.nextId()), ErrorCode.UNAUTHENTICATED);
        c.login(owner.username(), PASSWORD, null);
    }

    @Test
    void usernamesMustBe3To32LettersDigitsDotsDashesOrUnderscores() {
        TestClient c = server.connect();
        for (String bad : List.of("", "ab", "x".repeat(33), "with space", "semi;colon", "at@sign", "ümlaut",
                "名字名字", "tab\tname", "slash/name")) {
            c.expectError(register(c, bad, PASSWORD, null, null), ErrorCode.BAD_REQUEST);
        }
        c.expectError(new Sync(c.nextId()), ErrorCode.UNAUTHENTICATED);

        String shortest = "q" + Long.toString(System.nanoTime() % 36, 36) + "-";
        String longest = (Names.unique("L.x") + "_").concat("y".repeat(32)).substring(0, 32);
        for (String good : List.of(shortest, longest, Names.unique("a.b-c_D9"))) {
            TestClient fresh = server.connect();
            assertThat(fresh.register(good).user().username()).isEqualTo(good);
        }
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        String name = Names.unique("CaseName");
        server.connect().register(name);
        TestClient c = server.connect();

        ErrorReply taken = c.expectError(register(c, name.toLowerCase(), PASSWORD, null, null), ErrorCode.CONFLICT);
        c.expectError(register(c, name.toUpperCase(), PASSWORD, null, null), ErrorCode.CONFLICT);

        assertThat(taken.message()).containsIgnoringCase("taken");
        c.expectError(new Sync(c.nextId()), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void passwordLengthIsCountedInCodePoints() {
        TestClient c = server.connect();
        c.expectError(register(c, Names.unique("p"), "seven77", null, null), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("p"), EMOJI.repeat(7), null, null), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("p"), "x".repeat(129), null, null), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("p"), CJK.repeat(129), null, null), ErrorCode.BAD_REQUEST);

        // 8 emoji are 16 UTF-16 chars but 8 code points: the minimum. 128 emoji are 256 chars: the maximum.
        for (String good : List.of(EMOJI.repeat(8), CJK.repeat(8), "x".repeat(128), EMOJI.repeat(128))) {
            String name = Names.unique("p");
            server.connect().register(name, good, null, null);
            server.connect().login(name, good, null);
        }
    }

    @Test
    void nicknameAndSignatureLengthsAreCountedInCodePoints() {
        TestClient c = server.connect();
        c.expectError(register(c, Names.unique("n"), PASSWORD, CJK.repeat(33), null), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("n"), PASSWORD, EMOJI.repeat(33), null), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("n"), PASSWORD, "", null), ErrorCode.BAD_REQUEST);

        assertThat(server.connect().register(Names.unique("n"), PASSWORD, EMOJI.repeat(32), null).user().nickname())
                .isEqualTo(EMOJI.repeat(32));
        SessionStarted cjk = c.register(Names.unique("n"), PASSWORD, CJK.repeat(32), null);
        assertThat(cjk.user().nickname()).isEqualTo(CJK.repeat(32));

        UserInfo updated = c.expect(UserReply.class, new UpdateProfile(c.nextId(), null, EMOJI.repeat(128))).user();
        assertThat(updated.signature()).isEqualTo(EMOJI.repeat(128));
        assertThat(updated.nickname()).as("a null field stays as it is").isEqualTo(CJK.repeat(32));
        c.expectError(new UpdateProfile(c.nextId(), null, CJK.repeat(129)), ErrorCode.BAD_REQUEST);
        c.expectError(new UpdateProfile(c.nextId(), CJK.repeat(33), null), ErrorCode.BAD_REQUEST);
        c.expectError(new UpdateProfile(c.nextId(), "", null), ErrorCode.BAD_REQUEST);

        UserInfo unchanged = c.expect(UserReply.class, new UpdateProfile(c.nextId(), null, null)).user();
        assertThat(unchanged.nickname()).isEqualTo(CJK.repeat(32));
        assertThat(unchanged.signature()).as("failed updates change nothing").isEqualTo(EMOJI.repeat(128));
    }

    @Test
    void deviceIdsAreShortPlainStrings() {
        TestClient c = server.connect();
        c.expectError(register(c, Names.unique("d"), PASSWORD, null, "has space"), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("d"), PASSWORD, null, "d".repeat(65)), ErrorCode.BAD_REQUEST);
        c.expectError(register(c, Names.unique("d"), PASSWORD, null, ""), ErrorCode.BAD_REQUEST);

        String device = "Phone-1.home:2_" + "z".repeat(49);
        assertThat(device).hasSize(64);
        assertThat(c.register(Names.unique("d"), PASSWORD, null, device).device()).isEqualTo(device);
    }

    @Test
    void aTokenResumesTheSessionOnANewConnection() {
        TestClient original = server.connect();
        original.register(Names.unique("tok"), PASSWORD, null, "tablet");

        TestClient later = server.connect();
        SessionStarted resumed = later.resume(original.token(), null);

        assertThat(resumed.token()).isEqualTo(original.token());
        assertThat(resumed.user().userId()).isEqualTo(original.userId());
        assertThat(resumed.device()).as("the device the token was issued to").isEqualTo("tablet");
        later.sync();

        TestClient stranger = server.connect();
        stranger.expectError(resume(stranger, "A".repeat(43)), ErrorCode.UNAUTHENTICATED);
        stranger.expectError(resume(stranger, "not a token"), ErrorCode.UNAUTHENTICATED);
        stranger.expectError(new Sync(stranger.nextId()), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void logoutRevokesTheTokenAndLeavesTheConnectionOpenButLoggedOut() {
        TestClient c = newUser("out");
        String token = c.token();

        c.expectOk(new Logout(c.nextId()));

        c.expectError(new Sync(c.nextId()), ErrorCode.UNAUTHENTICATED);
        c.ping();
        TestClient other = server.connect();
        other.expectError(resume(other, token), ErrorCode.UNAUTHENTICATED);
        c.login(c.username(), PASSWORD, null);
        c.sync();
    }

    @Test
    void registerLoginOrResumeOnALoggedInConnectionIsAConflict() {
        TestClient c = newUser("twice");

        c.expectError(register(c, Names.unique("twice"), PASSWORD, null, null), ErrorCode.CONFLICT);
        c.expectError(login(c, c.username(), PASSWORD), ErrorCode.CONFLICT);
        c.expectError(resume(c, c.token()), ErrorCode.CONFLICT);
        c.sync();
    }

    @Test
    void anUnsupportedProtocolVersionIsRejectedAndChangesNothing() {
        TestClient existing = newUser("ver");
        TestClient c = server.connect();
        String name = Names.unique("ver");

        c.expectError(new Register(c.nextId(), 3, name, PASSWORD, null, null), ErrorCode.UNSUPPORTED_VERSION);
        c.expectError(new Login(c.nextId(), 0, existing.username(), PASSWORD, null), ErrorCode.UNSUPPORTED_VERSION);
        c.expectError(new Resume(c.nextId(), 99, existing.token(), null), ErrorCode.UNSUPPORTED_VERSION);

        c.expectError(new Sync(c.nextId()), ErrorCode.UNAUTHENTICATED);
        assertThat(c.register(name).user().username()).as("the failed register did not take the name").isEqualTo(name);
    }

    @Test
    void onlyPingRegisterLoginAndResumeAreAllowedBeforeLogin() {
        TestClient c = server.connect();
        c.ping();
        List<Request> requests = List.of(
                new Sync(c.nextId()),
                new ListFriends(c.nextId()),
                new Logout(c.nextId()),
                new SendMessage(c.nextId(), 2, "x1", "hello"),
                new PullMessages(c.nextId(), 1, 0, null),
                new UpdateProfile(c.nextId(), "nick", null),
                new SearchUsers(c.nextId(), "abc", null),
                new SendFriendRequest(c.nextId(), 1, null),
                new CreateGroup(c.nextId(), "g", null),
                new ChangePassword(c.nextId(), PASSWORD, "another-pass"),
                new Broadcast(c.nextId(), "b1", "hello"),
                new DisableUser(c.nextId(), ServerHarness.ADMIN, true));
        for (Request request : requests) {
            c.expectError(request, ErrorCode.UNAUTHENTICATED);
        }
        c.ping();
    }

    @Test
    void changingThePasswordRevokesOtherTokensAndClosesOtherDevices() {
        String name = Names.unique("chg");
        TestClient phone = server.connect();
        phone.register(name, PASSWORD, null, "phone");
        TestClient desktop = server.login(name, PASSWORD, "desktop");
        String desktopToken = desktop.token();

        phone.expectError(new ChangePassword(phone.nextId(), "wrong-old-password", "brand-new-pass"),
                ErrorCode.UNAUTHENTICATED);
        phone.expectError(new ChangePassword(phone.nextId(), PASSWORD, "short"), ErrorCode.BAD_REQUEST);
        desktop.ping();

        phone.expectOk(new ChangePassword(phone.nextId(), PASSWORD, "brand-new-pass"));

        assertThat(desktop.awaitPush(ByePush.class).reason()).isEqualTo("password_changed");
        assertThat(desktop.isClosedByServer()).isTrue();
        phone.sync();
        server.connect().resume(phone.token(), null);
        TestClient c = server.connect();
        c.expectError(resume(c, desktopToken), ErrorCode.UNAUTHENTICATED);
        c.expectError(login(c, name, PASSWORD), ErrorCode.UNAUTHENTICATED);
        c.login(name, "brand-new-pass", null);
    }

    @Test
    void aProfileUpdateIsPushedToFriendsAndTheUsersOtherDevices() {
        TestClient alice = server.connect();
        alice.register(Names.unique("prof"), PASSWORD, null, "phone");
        TestClient aliceDesktop = server.login(alice.username(), PASSWORD, "desktop");
        TestClient friend = newUser("pfriend");
        TestClient stranger = newUser("pstranger");
        befriend(alice, friend);

        UserInfo updated = alice.expect(UserReply.class, new UpdateProfile(alice.nextId(), "Alice 爱丽丝", "hello")).user();

        assertThat(updated.nickname()).isEqualTo("Alice 爱丽丝");
        assertThat(updated.signature()).isEqualTo("hello");
        assertThat(friend.awaitPush(UserUpdatedPush.class, p -> p.user().userId() == alice.userId()).user())
                .isEqualTo(updated);
        assertThat(aliceDesktop.awaitPush(UserUpdatedPush.class, p -> p.user().userId() == alice.userId()).user())
                .isEqualTo(updated);
        stranger.assertNoPush(UserUpdatedPush.class, p -> true, Duration.ofMillis(300));
        FriendInfo asSeenByFriend = friend.friends().stream()
                .filter(f -> f.user().userId() == alice.userId()).findFirst().orElseThrow();
        assertThat(asSeenByFriend.user().nickname()).isEqualTo("Alice 爱丽丝");
    }

    @Test
    void theSessionReplyTellsAnAdministratorAndOnlyThem() {
        TestClient admin = server.admin();
        TestClient plain = newUser("plain");

        assertThat(admin.session().admin()).as("admin's own login or registration").isTrue();
        assertThat(plain.session().admin()).as("not an administrator: the field is absent").isNull();
        TestClient again = server.connect();
        assertThat(again.resume(admin.token(), null).admin()).as("a resumed admin session").isTrue();
        TestClient plainAgain = server.connect();
        assertThat(plainAgain.login(plain.username(), PASSWORD, null).admin()).isNull();
    }

    @Test
    void aDisabledAccountIsDisconnectedAndCannotLogInUntilReenabled() {
        TestClient admin = server.admin();
        TestClient victim = newUser("dis");
        TestClient victimPhone = server.login(victim.username(), PASSWORD, "phone");
        TestClient searcher = newUser("dsearch");

        admin.expectOk(new DisableUser(admin.nextId(), victim.username(), true));

        assertThat(victim.awaitPush(ByePush.class).reason()).isEqualTo("disabled");
        assertThat(victim.isClosedByServer()).isTrue();
        assertThat(victimPhone.awaitPush(ByePush.class).reason()).isEqualTo("disabled");
        assertThat(victimPhone.isClosedByServer()).isTrue();
        TestClient c = server.connect();
        c.expectError(login(c, victim.username(), PASSWORD), ErrorCode.FORBIDDEN);
        c.expectError(resume(c, victim.token()), ErrorCode.UNAUTHENTICATED);
        assertThat(searcher.expect(UserList.class, new SearchUsers(searcher.nextId(), victim.username(), null)).users())
                .as("disabled accounts are not found").isEmpty();

        admin.expectOk(new DisableUser(admin.nextId(), victim.username(), false));

        c.login(victim.username(), PASSWORD, null);
        TestClient d = server.connect();
        d.expectError(resume(d, victim.token()), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void anAdminPasswordResetSetsTheNewPasswordAndEndsEverySession() {
        TestClient admin = server.admin();
        TestClient victim = newUser("reset");

        admin.expectOk(new ResetPassword(admin.nextId(), victim.username(), "reset-by-admin"));

        assertThat(victim.awaitPush(ByePush.class).reason()).isEqualTo("password_reset");
        assertThat(victim.isClosedByServer()).isTrue();
        TestClient c = server.connect();
        c.expectError(resume(c, victim.token()), ErrorCode.UNAUTHENTICATED);
        c.expectError(login(c, victim.username(), PASSWORD), ErrorCode.UNAUTHENTICATED);
        c.login(victim.username(), "reset-by-admin", null);
        admin.expectError(new ResetPassword(admin.nextId(), victim.username(), "short"), ErrorCode.BAD_REQUEST);
    }

    @Test
    void adminRequestsNamingUnknownUsersAreNotFound() {
        TestClient admin = server.admin();
        String ghost = Names.unique("ghost");

        admin.expectError(new DisableUser(admin.nextId(), ghost, true), ErrorCode.NOT_FOUND);
        admin.expectError(new ResetPassword(admin.nextId(), ghost, "whatever-pass"), ErrorCode.NOT_FOUND);
    }

    @Test
    void adminRequestsFromOrdinaryUsersAreForbidden() {
        TestClient user = newUser("plain");
        TestClient target = newUser("target");

        user.expectError(new DisableUser(user.nextId(), target.username(), true), ErrorCode.FORBIDDEN);
        user.expectError(new ResetPassword(user.nextId(), target.username(), "hijacked-pass"), ErrorCode.FORBIDDEN);
        user.expectError(new Broadcast(user.nextId(), Names.msgId(), "hello everyone"), ErrorCode.FORBIDDEN);

        target.ping();
        server.connect().login(target.username(), PASSWORD, null);
    }
}
