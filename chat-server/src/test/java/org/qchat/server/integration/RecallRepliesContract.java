package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.RecallMessage;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.protocol.packet.Typing;
import org.qchat.protocol.packet.TypingPush;
import org.qchat.server.db.Jdbc;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/**
 * Replies, mentions, recall and typing over the wire, with the message store read directly where
 * a recall must have erased something.
 */
abstract class RecallRepliesContract extends ServerContract {

    private static final Duration QUIET = Duration.ofMillis(600);

    protected RecallRepliesContract(Backend backend) {
        super(backend);
    }

    /** A group owned by {@code owner} with {@code admin} as admin and {@code members} as plain members. */
    private static long group(TestClient owner, TestClient admin, TestClient... members) {
        long groupId = owner.createGroup(Names.unique("g"), JoinPolicy.OPEN).groupId();
        if (admin != null) {
            join(admin, groupId);
        }
        for (TestClient m : members) {
            join(m, groupId);
        }
        if (admin != null) {
            owner.expectOk(new SetGroupAdmin(owner.nextId(), groupId, admin.userId(), true));
        }
        return groupId;
    }

    private static void join(TestClient user, long groupId) {
        user.expect(GroupReply.class, new JoinGroup(user.nextId(), groupId));
    }

    private static SendMessage reply(TestClient from, long convId, String text, long replyTo) {
        return new SendMessage(from.nextId(), convId, Names.msgId(), text, null, null, null, replyTo, null, null);
    }

    private static MessageInfo pulled(TestClient reader, long convId, long seq) {
        return reader.pullAll(convId, 0).stream().filter(m -> m.seq() == seq).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ replies

    @Test
    void aReplyIsPushedAndPulledWithTheQuotedMessagesExcerpt() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        long conv = befriend(alice, bob);
        long original = alice.sendText(conv, Names.msgId(), "shall we meet at noon?").seq();

        MessageSent sent = bob.expect(MessageSent.class, reply(bob, conv, "yes", original));

        Quote expected = new Quote(original, alice.userId(), "shall we meet at noon?", null, null);
        MessagePush push = alice.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq());
        assertThat(push.message().replyTo()).isEqualTo(expected);
        assertThat(pulled(alice, conv, sent.seq()).replyTo()).isEqualTo(expected);
        assertThat(bob.history(conv, null, 10).messages()).filteredOn(m -> m.seq() == sent.seq())
                .extracting(MessageInfo::replyTo).containsExactly(expected);
    }

    @Test
    void aQuoteOfAMessageTheReaderCannotSeeCarriesItsSeqOnly() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        TestClient carol = newUser("carol");
        long conv = group(alice, null, bob);
        long before = alice.sendText(conv, Names.msgId(), "before carol came").seq();
        join(carol, conv);

        MessageSent sent = bob.expect(MessageSent.class, reply(bob, conv, "about that", before));

        assertThat(carol.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq()).message().replyTo())
                .isEqualTo(Quote.of(before));
        assertThat(alice.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq()).message().replyTo())
                .isEqualTo(new Quote(before, alice.userId(), "before carol came", null, null));
        assertThat(pulled(carol, conv, sent.seq()).replyTo()).isEqualTo(Quote.of(before));
    }

    @Test
    void aReplyMustQuoteAMessageOfTheSameConversationThatTheSenderMayRead() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        long conv = befriend(alice, bob);
        alice.sendText(conv, Names.msgId(), "one");

        bob.expectError(reply(bob, conv, "to nothing", 99), ErrorCode.NOT_FOUND);
    }

    // ------------------------------------------------------------------ mentions

    @Test
    void mentionsNameCurrentMembersOfAGroupAndAtMostFifty() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        TestClient dave = newUser("dave");
        long conv = group(alice, null, bob);
        long privateConv = befriend(alice, dave);

        bob.expectError(new SendMessage(bob.nextId(), conv, Names.msgId(), "hey dave", null, null, null, null,
                List.of(dave.userId()), null), ErrorCode.BAD_REQUEST);
        alice.expectError(new SendMessage(alice.nextId(), privateConv, Names.msgId(), "hey dave", null, null, null, null,
                List.of(dave.userId()), null), ErrorCode.BAD_REQUEST);
        List<Long> tooMany = new ArrayList<>();
        for (long id = 1; id <= 51; id++) {
            tooMany.add(id);
        }
        bob.expectError(new SendMessage(bob.nextId(), conv, Names.msgId(), "everyone?", null, null, null, null,
                tooMany, null), ErrorCode.BAD_REQUEST);

        MessageSent sent = bob.expect(MessageSent.class, new SendMessage(bob.nextId(), conv, Names.msgId(), "@alice hi",
                null, null, null, null, List.of(alice.userId()), null));
        MessageInfo got = alice.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq()).message();
        assertThat(got.mentions()).containsExactly(alice.userId());
        assertThat(got.mentions(alice.userId())).isTrue();
        assertThat(pulled(alice, conv, sent.seq()).mentions()).containsExactly(alice.userId());
    }

    @Test
    void onlyTheOwnerAndAdminsMayMentionEveryone() {
        TestClient alice = newUser("alice");
        TestClient carol = newUser("carol");
        TestClient bob = newUser("bob");
        long conv = group(alice, carol, bob);

        bob.expectError(new SendMessage(bob.nextId(), conv, Names.msgId(), "@all", null, null, null, null, null, true),
                ErrorCode.FORBIDDEN);
        MessageSent sent = carol.expect(MessageSent.class,
                new SendMessage(carol.nextId(), conv, Names.msgId(), "@all meeting", null, null, null, null, null, true));

        MessageInfo got = bob.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq()).message();
        assertThat(got.mentionAll()).isTrue();
        assertThat(got.mentions(bob.userId())).isTrue();
    }

    // ------------------------------------------------------------------ recall

    @Test
    void theSenderRecallsWithinTheWindowAndEveryDeviceHearsOfIt() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        long conv = befriend(alice, bob);
        TestClient aliceTablet = server.login(alice.username(), alice.password(), "tablet");
        long seq = alice.sendText(conv, Names.msgId(), "oops, wrong chat").seq();

        alice.expectOk(new RecallMessage(alice.nextId(), conv, seq));

        for (TestClient device : List.of(alice, aliceTablet, bob)) {
            MessageRecalledPush push = device.awaitPush(MessageRecalledPush.class, p -> p.seq() == seq);
            assertThat(push.convId()).isEqualTo(conv);
            assertThat(push.by()).isEqualTo(alice.userId());
        }
        assertThat(server.storage().messages().range(conv, seq, seq, 1)).singleElement()
                .satisfies(m -> assertThat(m.text()).isEmpty());
        MessageInfo read = pulled(bob, conv, seq);
        assertThat(read.text()).isEqualTo(MessageInfo.RECALLED_TEXT);
        assertThat(read.recalledBy()).isEqualTo(alice.userId());

        alice.expectOk(new RecallMessage(alice.nextId(), conv, seq));
        bob.assertNoPush(MessageRecalledPush.class, p -> p.seq() == seq, QUIET);
    }

    @Test
    void aRecallAfterTheWindowIsForbidden() {
        try (ServerHarness closedWindow = ServerHarness.start(backend(), b -> b.recallWindow(Duration.ZERO))) {
            TestClient alice = closedWindow.newUser("alice");
            TestClient bob = closedWindow.newUser("bob");
            long conv = befriend(alice, bob);
            long seq = alice.sendText(conv, Names.msgId(), "said and done").seq();

            alice.expectError(new RecallMessage(alice.nextId(), conv, seq), ErrorCode.FORBIDDEN);
            assertThat(pulled(bob, conv, seq).text()).isEqualTo("said and done");
        }
    }

    @Test
    void othersRecallOnlyAsTheGroupsOwnerOrAnAdminOfAMembersMessage() {
        TestClient alice = newUser("alice");
        TestClient carol = newUser("carol");
        TestClient bob = newUser("bob");
        long conv = group(alice, carol, bob);
        long bobs = bob.sendText(conv, Names.msgId(), "spam").seq();
        long alices = alice.sendText(conv, Names.msgId(), "rules").seq();
        long bobsSecond = bob.sendText(conv, Names.msgId(), "more spam").seq();

        carol.expectError(new RecallMessage(carol.nextId(), conv, alices), ErrorCode.FORBIDDEN);
        bob.expectError(new RecallMessage(bob.nextId(), conv, alices), ErrorCode.FORBIDDEN);
        alice.expectOk(new RecallMessage(alice.nextId(), conv, bobs));
        carol.expectOk(new RecallMessage(carol.nextId(), conv, bobsSecond));

        assertThat(bob.awaitPush(MessageRecalledPush.class, p -> p.seq() == bobs).by()).isEqualTo(alice.userId());
        assertThat(bob.awaitPush(MessageRecalledPush.class, p -> p.seq() == bobsSecond).by()).isEqualTo(carol.userId());
        assertThat(pulled(bob, conv, alices).text()).isEqualTo("rules");
        assertThat(pulled(carol, conv, bobs).recalledBy()).isEqualTo(alice.userId());
    }

    @Test
    void aRecallOfAMessageNobodyCanSeeIsNotFound() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        TestClient carol = newUser("carol");
        long conv = befriend(alice, bob);
        befriend(alice, carol);
        long seq = alice.sendText(conv, Names.msgId(), "between us").seq();

        carol.expectError(new RecallMessage(carol.nextId(), conv, seq), ErrorCode.NOT_FOUND);
        alice.expectError(new RecallMessage(alice.nextId(), conv, seq + 5), ErrorCode.NOT_FOUND);
    }

    @Test
    void recallingAFileMessageReleasesTheFile() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        long conv = befriend(alice, bob);
        FileInfo file = Files.upload(alice, Files.bytes(7, 2000), "draft.bin");
        String clientMsgId = Names.msgId();
        long seq = alice.expect(MessageSent.class, new SendMessage(alice.nextId(), conv, clientMsgId, null,
                MessageKind.FILE, file.fileId(), null)).seq();
        assertThat(referenced(alice.userId(), clientMsgId)).isTrue();

        alice.expectOk(new RecallMessage(alice.nextId(), conv, seq));

        assertThat(referenced(alice.userId(), clientMsgId)).isFalse();
        MessageInfo read = pulled(bob, conv, seq);
        assertThat(read.file()).isNull();
        assertThat(read.recalledBy()).isEqualTo(alice.userId());
    }

    private boolean referenced(long senderId, String clientMsgId) {
        return server.storage().db().read(tx -> Jdbc.exists(tx,
                "SELECT 1 FROM file_refs WHERE sender_id = ? AND client_msg_id = ?", senderId, clientMsgId));
    }

    @Test
    void aQuoteOfARecalledMessageShowsItRecalled() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        long conv = befriend(alice, bob);
        long original = alice.sendText(conv, Names.msgId(), "I take that back").seq();
        long replySeq = bob.expect(MessageSent.class, reply(bob, conv, "what?", original)).seq();

        alice.expectOk(new RecallMessage(alice.nextId(), conv, original));

        Quote quote = pulled(bob, conv, replySeq).replyTo();
        assertThat(quote.recalled()).isTrue();
        assertThat(quote.text()).isEmpty();
        assertThat(quote.senderId()).isEqualTo(alice.userId());
    }

    // ------------------------------------------------------------------ typing

    @Test
    void typingReachesThePeerOnlyAndAtMostOnceInThreeSeconds() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        TestClient carol = newUser("carol");
        long conv = befriend(alice, bob);
        befriend(alice, carol);

        alice.expectOk(new Typing(alice.nextId(), conv));
        alice.expectOk(new Typing(alice.nextId(), conv));

        TypingPush push = bob.awaitPush(TypingPush.class, p -> p.convId() == conv);
        assertThat(push.userId()).isEqualTo(alice.userId());
        bob.assertNoPush(TypingPush.class, p -> p.convId() == conv, QUIET);
        carol.assertNoPush(TypingPush.class, p -> true, QUIET);
    }

    @Test
    void typingIsForPrivateConversationsBetweenFriends() {
        TestClient alice = newUser("alice");
        TestClient bob = newUser("bob");
        TestClient carol = newUser("carol");
        long privateConv = befriend(alice, bob);
        long conv = group(alice, null, bob);

        alice.expectError(new Typing(alice.nextId(), conv), ErrorCode.BAD_REQUEST);
        carol.expectError(new Typing(carol.nextId(), privateConv), ErrorCode.FORBIDDEN);
    }
}
