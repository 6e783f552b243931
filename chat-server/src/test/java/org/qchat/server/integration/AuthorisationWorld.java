package org.qchat.server.integration;

import static org.qchat.server.testing.TestClient.PASSWORD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SearchUsers;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.protocol.packet.SyncState;
import org.qchat.protocol.packet.UserList;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.TestClient;

/**
 * The users, friendships, groups, blocks and messages the authorisation table acts on, and a
 * snapshot of all of it read back through the protocol, so a case can show it changed nothing.
 *
 * <pre>
 * alice ─friend─ bob      private chat AB (one message)       group G (open): alice owner, carol admin, bob member
 * alice ─friend─ carol    private chat AC                     group H (invite-only): alice
 * alice ─friend─ eve      private chat AE; alice blocked eve  group E (open): eve
 * frank blocked eve (not friends)                             dave: no friends, no groups; asked bob to be friends
 * </pre>
 */
final class AuthorisationWorld {

    final TestClient alice;
    final TestClient bob;
    final TestClient carol;
    final TestClient dave;
    final TestClient eve;
    final TestClient frank;
    final long convAB;
    final long convAE;
    final long groupG;
    final long groupH;
    final long groupE;
    /** dave's pending request to bob. */
    final long daveAsksBob;
    /** The seq of a file alice sent bob in their private chat. */
    final long fileInAB;
    /** Seqs of alice's "hello bob" in AB and bob's "hello G" in G. */
    final long helloInAB;
    final long helloInG;
    /** A file eve holds, and may not send to alice, who blocked her. */
    final String eveFile;
    /** A username nobody has. */
    final String unusedName = Names.unique("nobody");

    private final Supplier<TestClient> connect;
    private final Map<String, TestClient> everyone = new LinkedHashMap<>();

    /**
     * @param ownConnection opens the long-lived connections of the world's users (closed by {@link #close()})
     * @param connect       opens a short-lived anonymous connection that the caller's harness closes
     */
    AuthorisationWorld(Supplier<TestClient> ownConnection, Supplier<TestClient> connect) {
        this.connect = connect;
        alice = user(ownConnection, "alice");
        bob = user(ownConnection, "bob");
        carol = user(ownConnection, "carol");
        dave = user(ownConnection, "dave");
        eve = user(ownConnection, "eve");
        frank = user(ownConnection, "frank");

        convAB = Scenarios.befriend(alice, bob);
        Scenarios.befriend(alice, carol);
        convAE = Scenarios.befriend(alice, eve);
        helloInAB = alice.sendText(convAB, Names.msgId(), "hello bob").seq();
        alice.sendText(convAE, Names.msgId(), "hello eve");
        fileInAB = alice.expect(MessageSent.class, new SendMessage(alice.nextId(), convAB, Names.msgId(), null,
                MessageKind.FILE, Files.upload(alice, Files.bytes(1, 1000), "for-bob.bin").fileId(), null)).seq();
        eveFile = Files.upload(eve, Files.bytes(2, 1000), "for-alice.bin").fileId();

        groupG = alice.createGroup("G", JoinPolicy.OPEN).groupId();
        alice.expectOk(new InviteToGroup(alice.nextId(), groupG, List.of(bob.userId(), carol.userId())));
        alice.expectOk(new SetGroupAdmin(alice.nextId(), groupG, carol.userId(), true));
        helloInG = bob.sendText(groupG, Names.msgId(), "hello G").seq();
        groupH = alice.createGroup("H", JoinPolicy.INVITE).groupId();
        groupE = eve.createGroup("E", JoinPolicy.OPEN).groupId();

        alice.expectOk(new BlockUser(alice.nextId(), eve.userId()));
        frank.expectOk(new BlockUser(frank.nextId(), eve.userId()));
        dave.expectOk(new SendFriendRequest(dave.nextId(), bob.userId(), "hi bob"));
        daveAsksBob = bob.awaitPush(FriendRequestPush.class, p -> p.request().from().userId() == dave.userId())
                .request().requestId();
    }

    private TestClient user(Supplier<TestClient> ownConnection, String role) {
        TestClient client = ownConnection.get();
        client.register(Names.unique(role));
        everyone.put(role, client);
        return client;
    }

    /** A fresh request id. */
    String id() {
        return alice.nextId();
    }

    /** A new connection that is not logged in. */
    TestClient anonymous() {
        return connect.get();
    }

    /** Fails unless {@code user} can still log in with their password on a new connection. */
    void assertCanLogIn(TestClient user) {
        try (TestClient check = connect.get()) {
            check.expect(SessionStarted.class,
                    new Login(check.nextId(), ProtocolVersion.CURRENT, user.username(), PASSWORD, null));
        }
    }

    /** Fails unless nobody is called {@code username}. */
    void assertNoUserNamed(String username) {
        List<UserInfo> found = dave.expect(UserList.class, new SearchUsers(dave.nextId(), username, null)).users();
        if (found.stream().anyMatch(u -> u.username().equalsIgnoreCase(username))) {
            throw new AssertionError("a user named " + username + " exists: " + found);
        }
    }

    /** Everything the world's users can see, read through the protocol; equal snapshots mean nothing changed. */
    Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Map.Entry<String, TestClient> e : everyone.entrySet()) {
            String who = e.getKey();
            TestClient c = e.getValue();
            state.put(who + " friends", c.friends());
            FriendRequestList requests = c.friendRequests();
            state.put(who + " incoming requests", requests.incoming());
            state.put(who + " outgoing requests", requests.outgoing());
            state.put(who + " blocked", c.expect(UserList.class, new ListBlocked(c.nextId())).users());
            state.put(who + " groups", c.expect(GroupList.class, new ListGroups(c.nextId())).groups());
            SyncState sync = c.sync();
            state.put(who + " conversations", sync.conversations());
            List<Object> messages = new ArrayList<>();
            for (ConversationInfo conv : sync.conversations()) {
                messages.add(c.history(conv.convId(), null, 50).messages());
            }
            state.put(who + " messages", messages);
        }
        state.put("members of G", alice.members(groupG));
        state.put("members of H", alice.members(groupH));
        state.put("members of E", eve.members(groupE));
        return state;
    }

    /** Checks the world's own connections saw nothing the protocol forbids, and closes them. */
    void close() {
        for (TestClient c : everyone.values()) {
            c.close();
        }
        for (TestClient c : everyone.values()) {
            c.assertNoViolations();
        }
    }
}
