package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.ConversationSettingsPush;
import org.qchat.protocol.packet.DisableUser;
import org.qchat.protocol.packet.FriendRemarkPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.KickMember;
import org.qchat.protocol.packet.MarkRead;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.RecallMessage;
import org.qchat.protocol.packet.ReceiptPush;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SetConversationSettings;
import org.qchat.protocol.packet.SetFriendRemark;
import org.qchat.protocol.packet.Typing;
import org.qchat.protocol.packet.TypingPush;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Images;
import org.qchat.server.testing.LocalCluster;
import org.qchat.server.testing.MetricsProbe;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.TestClient;

/**
 * Three server jars as one cluster (a PostgreSQL schema and a Redis of the test's own), users
 * spread over the nodes: what one node commits reaches the devices on the others once and in
 * order, state changes on one node bind the others before their {@code ok}, presence follows
 * users and dead nodes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final Duration CROSS_NODE = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private LocalCluster cluster;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void startCluster() {
        cluster = LocalCluster.start(tmp, 3);
    }

    @AfterEach
    void stopCluster() {
        clients.forEach(TestClient::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestClient on(int node) {
        TestClient client = cluster.node(node).connect();
        clients.add(client);
        return client;
    }

    private TestClient registered(int node, String prefix) {
        TestClient client = on(node);
        client.register(Names.unique(prefix));
        return client;
    }

    @Test
    void privateMessagesCrossNodesBothWays() {
        TestClient alice = registered(0, "alice");
        TestClient bob = registered(1, "bob");
        long conv = Scenarios.befriend(alice, bob);

        String first = Names.msgId();
        MessageSent sent = alice.sendText(conv, first, "hello from node 1");
        MessageInfo heard = bob.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(first), CROSS_NODE).message();
        assertThat(heard.msgId()).isEqualTo(sent.msgId());
        assertThat(heard.seq()).isEqualTo(sent.seq());
        assertThat(heard.text()).isEqualTo("hello from node 1");
        String reply = Names.msgId();
        bob.sendText(conv, reply, "hello from node 2");
        assertThat(alice.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(reply), CROSS_NODE)
                .message().seq()).isEqualTo(sent.seq() + 1);
    }

    @Test
    void repliesRecallsAndTypingCrossNodes() {
        TestClient alice = registered(0, "alice");
        TestClient bob = registered(1, "bob");
        long conv = Scenarios.befriend(alice, bob);
        long original = alice.sendText(conv, Names.msgId(), "from node 1").seq();
        bob.awaitPush(MessagePush.class, p -> p.message().seq() == original, CROSS_NODE);

        MessageSent reply = bob.expect(MessageSent.class, new SendMessage(bob.nextId(), conv, Names.msgId(), "from node 2",
                null, null, null, original, null, null));
        assertThat(alice.awaitPush(MessagePush.class, p -> p.message().seq() == reply.seq(), CROSS_NODE).message()
                .replyTo()).isEqualTo(new Quote(original, alice.userId(), "from node 1", null, null));

        alice.expectOk(new RecallMessage(alice.nextId(), conv, original));
        assertThat(bob.awaitPush(MessageRecalledPush.class, p -> p.seq() == original, CROSS_NODE).by())
                .isEqualTo(alice.userId());

        bob.expectOk(new Typing(bob.nextId(), conv));
        assertThat(alice.awaitPush(TypingPush.class, p -> p.convId() == conv, CROSS_NODE).userId()).isEqualTo(bob.userId());
    }

    @Test
    void receiptsAndSettingsReachDevicesOnOtherNodes() {
        TestClient alice = registered(0, "alice");
        TestClient bobPhone = registered(1, "bob");
        long conv = Scenarios.befriend(alice, bobPhone);
        TestClient bobLaptop = on(2);
        bobLaptop.login(bobPhone.username(), TestClient.PASSWORD, "laptop");
        alice.sendText(conv, Names.msgId(), "across the cluster");
        // A node checks cursors against what it has learned: acknowledge what arrived, as clients do.
        bobPhone.awaitPush(MessagePush.class, p -> p.message().convId() == conv, CROSS_NODE);

        bobPhone.ack(conv, 1);
        alice.awaitPush(ReceiptPush.class, p -> p.userId() == bobPhone.userId() && p.delivered() == 1, CROSS_NODE);
        bobPhone.expectOk(new MarkRead(bobPhone.nextId(), conv, 1));
        alice.awaitPush(ReceiptPush.class, p -> p.userId() == bobPhone.userId() && p.read() == 1, CROSS_NODE);
        bobLaptop.awaitPush(ReceiptPush.class, p -> p.userId() == bobPhone.userId() && p.read() == 1, CROSS_NODE);

        bobPhone.expectOk(new SetFriendRemark(bobPhone.nextId(), alice.userId(), "Al"));
        bobLaptop.awaitPush(FriendRemarkPush.class, p -> p.remark().equals("Al"), CROSS_NODE);
        bobPhone.expectOk(new SetConversationSettings(bobPhone.nextId(), conv, true, null));
        bobLaptop.awaitPush(ConversationSettingsPush.class, p -> p.convId() == conv && p.pinned(), CROSS_NODE);
    }

    @Test
    void anImageSentOnOneNodeIsPushedAndDownloadedOnAnother() {
        TestClient alice = registered(0, "alice");
        TestClient bob = registered(1, "bob");
        long conv = Scenarios.befriend(alice, bob);
        byte[] png = Images.drawn("png", 640, 480);

        FileInfo stored = Files.upload(alice, png, "cluster.png");
        MessageSent sent = alice.expect(MessageSent.class, new SendMessage(alice.nextId(), conv, Names.msgId(), null,
                MessageKind.IMAGE, stored.fileId(), null));

        MessageInfo heard = bob.awaitPush(MessagePush.class, p -> p.message().seq() == sent.seq(), CROSS_NODE).message();
        assertThat(heard.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(heard.file()).isEqualTo(stored);
        assertThat(Files.download(bob, conv, sent.seq(), 0)).as("node 2 serves what node 1 stored").isEqualTo(png);
        TestClient carol = registered(2, "carol");
        Scenarios.befriend(carol, alice);
        assertThat(Files.start(carol, png, "mine.png")).as("node 3 knows the file is held: proof, not bytes")
                .isInstanceOfSatisfying(UploadStarted.class, s -> assertThat(s.challenge()).isNotNull());
    }

    @Test
    void aGroupSpreadOverThreeNodesGetsEveryMessageOnceInOrderAndBroadcastsReachEveryNode() {
        TestClient owner = registered(0, "owner");
        TestClient second = registered(1, "second");
        TestClient third = registered(2, "third");
        Scenarios.befriend(owner, second);
        Scenarios.befriend(owner, third);
        GroupInfo group = owner.createGroup("spread", JoinPolicy.INVITE);
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(second.userId(), third.userId())));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestClient sender = List.of(owner, second, third).get(i % 3);
            String id = Names.msgId();
            ids.add(id);
            sender.sendText(group.convId(), id, "message " + i);
        }
        for (TestClient member : List.of(owner, second, third)) {
            List<MessagePush> pushes = member.awaitPushes(MessagePush.class, p -> p.message().convId() == group.convId()
                    && p.message().kind() != MessageKind.SYSTEM, 20, CROSS_NODE);
            assertThat(pushes).as("each member gets the 20 messages the other two sent").hasSize(20);
            assertThat(pushes).extracting(p -> p.message().seq()).isSorted().doesNotHaveDuplicates();
        }
        // Seqs 1-3: the lines of the creation and the two invitations.
        assertThat(owner.pullAll(group.convId(), 0)).extracting(MessageInfo::seq)
                .containsExactlyElementsOf(seqs(1, 33));

        TestClient admin = on(2);
        admin.register(ServerHarness.ADMIN);
        String announcement = Names.msgId();
        admin.expect(org.qchat.protocol.packet.MessageSent.class, new Broadcast(admin.nextId(), announcement, "to everyone"));
        for (TestClient member : List.of(owner, second, third)) {
            member.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(announcement), CROSS_NODE);
        }
    }

    @Test
    void oneAccountOnTwoNodesGetsMessagesOnBothDevicesAndItsOwnSendsOnTheOther() {
        TestClient laptop = registered(0, "multi");
        TestClient phone = on(1);
        phone.login(laptop.username(), TestClient.PASSWORD, "phone");
        TestClient friend = registered(2, "friend");
        long conv = Scenarios.befriend(friend, laptop);

        String fromFriend = Names.msgId();
        friend.sendText(conv, fromFriend, "to both devices");
        laptop.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(fromFriend), CROSS_NODE);
        phone.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(fromFriend), CROSS_NODE);

        String fromLaptop = Names.msgId();
        laptop.sendText(conv, fromLaptop, "seen on the phone too");
        phone.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(fromLaptop), CROSS_NODE);
        friend.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(fromLaptop), CROSS_NODE);
    }

    @Test
    void aMemberKickedOnOneNodeCannotSendFromAnotherAfterTheKicksOk() {
        TestClient owner = registered(0, "owner");
        TestClient member = registered(1, "member");
        Scenarios.befriend(owner, member);
        GroupInfo group = owner.createGroup("kicks", JoinPolicy.INVITE);
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(member.userId())));
        // Node 2 has decided sends to this group already: its view is warm, not reread on demand.
        member.sendText(group.convId(), Names.msgId(), "still a member");

        owner.expectOk(new KickMember(owner.nextId(), group.groupId(), member.userId()));
        member.expectError(new SendMessage(member.nextId(), group.convId(), Names.msgId(), "after the kick"),
                ErrorCode.FORBIDDEN);
        member.awaitPush(GroupLeftPush.class, p -> p.groupId() == group.groupId(), CROSS_NODE);
    }

    @Test
    void aMemberMutedOnOneNodeCannotSendFromAnotherAfterTheMutesOkAndEveryNodeGetsTheLine() {
        TestClient owner = registered(0, "owner");
        TestClient member = registered(1, "member");
        TestClient watcher = registered(2, "watcher");
        Scenarios.befriend(owner, member);
        Scenarios.befriend(owner, watcher);
        GroupInfo group = owner.createGroup("mutes", JoinPolicy.INVITE);
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(member.userId(), watcher.userId())));
        // Node 2 has decided sends to this group already: its view is warm, not reread on demand.
        member.sendText(group.convId(), Names.msgId(), "still allowed");

        owner.expectOk(new org.qchat.protocol.packet.MuteMember(owner.nextId(), group.groupId(), member.userId(), 10));

        member.expectError(new SendMessage(member.nextId(), group.convId(), Names.msgId(), "muted"), ErrorCode.FORBIDDEN);
        for (TestClient c : List.of(member, watcher)) {
            c.awaitPush(MessagePush.class, p -> p.message().kind() == MessageKind.SYSTEM
                    && p.message().system().event().equals("muted"), CROSS_NODE);
        }
        owner.expectOk(new org.qchat.protocol.packet.MuteMember(owner.nextId(), group.groupId(), member.userId(), 0));
        member.sendText(group.convId(), Names.msgId(), "allowed again");
        assertThat(GroupsContract.events(watcher.pullAll(group.convId(), 0)))
                .containsExactly("joined", "muted", "unmuted");
    }

    @Test
    void friendsOnOtherNodesSeePresenceAndADeadNodesUsersGoOffline() {
        TestClient watcher = registered(0, "watcher");
        TestClient friend = registered(1, "friend");
        Scenarios.befriend(watcher, friend);
        friend.close();
        watcher.awaitPush(PresencePush.class, p -> p.userId() == friend.userId() && !p.online(), CROSS_NODE);

        TestClient back = on(2);
        back.login(friend.username(), TestClient.PASSWORD, null);
        watcher.awaitPush(PresencePush.class, p -> p.userId() == friend.userId() && p.online(), CROSS_NODE);

        long killedAt = System.nanoTime();
        cluster.node(2).kill();
        watcher.awaitPush(PresencePush.class, p -> p.userId() == friend.userId() && !p.online(), Duration.ofSeconds(15));
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("offline after the node timeout (3 s)")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anAdminDisableClosesTheUsersSessionsOnEveryNode() {
        TestClient admin = on(0);
        admin.register(ServerHarness.ADMIN);
        TestClient onTwo = registered(1, "victim");
        TestClient onThree = on(2);
        onThree.login(onTwo.username(), TestClient.PASSWORD, "second");

        admin.expectOk(new DisableUser(admin.nextId(), onTwo.username(), true));
        for (TestClient device : List.of(onTwo, onThree)) {
            assertThat(device.awaitPush(ByePush.class, p -> true, CROSS_NODE).reason()).isEqualTo("disabled");
            assertThat(device.awaitEof(CROSS_NODE)).isTrue();
        }
    }

    @Test
    void concurrentSendersOnTwoNodesKeepSeqsGaplessAndEveryDevicesPushesInOrder() throws Exception {
        TestClient owner = registered(0, "owner");
        TestClient other = registered(1, "other");
        TestClient listener = registered(2, "listener");
        Scenarios.befriend(owner, other);
        Scenarios.befriend(owner, listener);
        GroupInfo group = owner.createGroup("race", JoinPolicy.INVITE);
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(other.userId(), listener.userId())));

        int each = 200;
        Thread a = new Thread(() -> pipeline(owner, group.convId(), each));
        Thread b = new Thread(() -> pipeline(other, group.convId(), each));
        a.start();
        b.start();
        a.join();
        b.join();

        // Seqs 1-3 are the lines of the creation and the two invitations; the listener's period starts at 3.
        List<MessagePush> heard = listener.awaitPushes(MessagePush.class, p -> p.message().convId() == group.convId()
                && p.message().kind() != MessageKind.SYSTEM, 2 * each, Duration.ofSeconds(30));
        assertThat(heard).extracting(p -> p.message().seq()).containsExactlyElementsOf(seqs(4, 3 + 2 * each));
        List<MessagePush> ownerHeard = owner.awaitPushes(MessagePush.class, p -> p.message().convId() == group.convId()
                && p.message().kind() != MessageKind.SYSTEM, each, Duration.ofSeconds(30));
        assertThat(ownerHeard).extracting(p -> p.message().seq()).isSorted().doesNotHaveDuplicates();
        assertThat(ownerHeard).as("the other sender's messages, none of its own (those are acked, not pushed back)")
                .allMatch(p -> p.message().senderId() == other.userId());
        owner.assertNoPush(MessagePush.class, p -> p.message().convId() == group.convId()
                && p.message().kind() != MessageKind.SYSTEM, Duration.ofMillis(500));
        assertThat(listener.pullAll(group.convId(), 0)).extracting(MessageInfo::seq)
                .containsExactlyElementsOf(seqs(3, 3 + 2 * each));
    }

    @Test
    void whileRedisIsDownNodesKeepCommittingAndWhenItReturnsEveryoneGetsWhatTheyMissedWithoutReconnecting() {
        TestClient alice = registered(0, "alice");
        TestClient bob = registered(1, "bob");
        long conv = Scenarios.befriend(alice, bob);

        cluster.redis().stop();
        List<String> sentWhileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Names.msgId();
            alice.sendText(conv, id, "while Redis is down " + i);
            sentWhileDown.add(id);
        }
        await("node 1 sees Redis down").atMost(CROSS_NODE)
                .until(() -> new MetricsProbe(cluster.node(0).metricsPort()).health().contains("\"redis\":\"down\""));
        cluster.redis().startAgain();
        long back = System.nanoTime();
        for (String id : sentWhileDown) {
            bob.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(id), Duration.ofSeconds(5));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
        assertThat(bob.isEof()).as("bob stayed connected").isFalse();
        assertThat(new MetricsProbe(cluster.node(1).metricsPort()).gauge("qchat_cluster_sweeps_total"))
                .as("node 2 caught up from the database").isPositive();

        String after = Names.msgId();
        bob.sendText(conv, after, "and Redis carries word again");
        alice.awaitPush(MessagePush.class, p -> p.message().clientMsgId().equals(after), CROSS_NODE);
        await("both nodes back in Redis").atMost(CROSS_NODE).untilAsserted(() ->
                assertThat(new MetricsProbe(cluster.node(0).metricsPort()).health())
                        .contains("\"redis\":\"up\"").contains("\"n2\"").contains("\"n3\""));
    }

    @Test
    void theUserCommandDisablingAnAccountClosesItsSessionsOnRunningNodes() {
        TestClient onOne = registered(0, "victim");
        TestClient onTwo = on(1);
        onTwo.login(onOne.username(), TestClient.PASSWORD, "second");

        ServerProcess.Exit exit = ServerProcess.runToExit(ServerProcess.jar(), tmp.resolve("cli"),
                "--db-url", cluster.schema().url(), "--db-schema", cluster.schema().name(),
                "user", "disable", onOne.username());
        assertThat(exit.code()).as(exit.output()).isZero();
        for (TestClient device : List.of(onOne, onTwo)) {
            assertThat(device.awaitPush(ByePush.class, p -> true, CROSS_NODE).reason()).isEqualTo("disabled");
        }
    }

    @Test
    void aClusterNodeRefusesTheEmbeddedStoreWithAClearMessage() {
        ServerProcess.Exit exit = ServerProcess.runToExit(ServerProcess.jar(), tmp.resolve("embedded"),
                "--cluster-redis", cluster.redis().uri());
        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("PostgreSQL").doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Sends {@code count} messages without waiting for each ack, then waits for all. */
    private static void pipeline(TestClient sender, long convId, int count) {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(sender.send(new SendMessage(sender.nextId(), convId, Names.msgId(), "race " + i)));
        }
        for (String id : requests) {
            assertThat(sender.awaitReply(id, Duration.ofSeconds(30)))
                    .isInstanceOf(org.qchat.protocol.packet.MessageSent.class);
        }
    }

    private static List<Long> seqs(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(s);
        }
        return out;
    }
}
