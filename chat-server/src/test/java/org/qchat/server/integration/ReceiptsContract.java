package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.ListReceipts;
import org.qchat.protocol.packet.MarkRead;
import org.qchat.protocol.packet.ReceiptList;
import org.qchat.protocol.packet.ReceiptPush;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** Delivered and read receipts: msg.read, receipt pushes, receipts lists (docs/protocol.md 8.11). */
abstract class ReceiptsContract extends ServerContract {

    /** Small, so that a group over the limit takes four users. */
    static final int RECEIPT_GROUP_SIZE = 3;
    private static final Duration QUIET = Duration.ofMillis(700);

    protected ReceiptsContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void configure(ServerConfig.Builder config) {
        config.receiptGroupSize(RECEIPT_GROUP_SIZE);
    }

    private static ReceiptPush awaitReceipt(TestClient to, long conv, TestClient of, long delivered, long read) {
        return to.awaitPush(ReceiptPush.class, p -> p.convId() == conv && p.userId() == of.userId()
                && p.delivered() == delivered && p.read() == read);
    }

    private static void read(TestClient who, long conv, long seq) {
        who.expectOk(new MarkRead(who.nextId(), conv, seq));
    }

    private static Map<Long, Receipt> receipts(TestClient who, long conv) {
        ReceiptList list = who.expect(ReceiptList.class, new ListReceipts(who.nextId(), conv));
        assertThat(list.convId()).isEqualTo(conv);
        return list.receipts().stream().collect(Collectors.toMap(Receipt::userId, r -> r));
    }

    /** Members other than the sender whose read cursor reached {@code seq}, as a client counts "read by". */
    private static long readBy(Map<Long, Receipt> receipts, long senderId, long seq) {
        return receipts.values().stream().filter(r -> r.userId() != senderId && r.read() >= seq).count();
    }

    private long groupOf(TestClient owner, TestClient... joiners) {
        long group = owner.createGroup(Names.unique("rg"), JoinPolicy.OPEN).groupId();
        for (TestClient joiner : joiners) {
            joiner.expect(GroupReply.class, new JoinGroup(joiner.nextId(), group));
        }
        return group;
    }

    @Test
    void inAPrivateChatTheSenderLearnsFirstThatTheMessageWasDeliveredThenThatItWasRead() {
        TestClient alice = newUser("rc");
        TestClient bob = newUser("rc");
        long conv = befriend(alice, bob);
        alice.sendText(conv, Names.msgId(), "one");
        alice.sendText(conv, Names.msgId(), "two");

        bob.ack(conv, 2);
        ReceiptPush delivered = awaitReceipt(alice, conv, bob, 2, 0);
        read(bob, conv, 1);
        ReceiptPush read = awaitReceipt(alice, conv, bob, 2, 1);

        assertThat(delivered.userId()).isEqualTo(bob.userId());
        assertThat(read.read()).isEqualTo(1);
        Map<Long, Receipt> list = receipts(alice, conv);
        assertThat(list).containsOnlyKeys(alice.userId(), bob.userId());
        assertThat(list.get(bob.userId())).isEqualTo(new Receipt(bob.userId(), 2, 1));
        assertThat(list.get(alice.userId())).as("the sender acked and read nothing").isEqualTo(new Receipt(alice.userId(), 0, 0));
    }

    @Test
    void readingImpliesDeliveryEvenWithoutAnAck() {
        TestClient alice = newUser("rd");
        TestClient bob = newUser("rd");
        long conv = befriend(alice, bob);
        alice.sendText(conv, Names.msgId(), "hi");
        alice.sendText(conv, Names.msgId(), "there");

        read(bob, conv, 2);

        awaitReceipt(alice, conv, bob, 2, 2);
        assertThat(receipts(bob, conv).get(bob.userId())).isEqualTo(new Receipt(bob.userId(), 2, 2));
    }

    @Test
    void readingOnOneDeviceReachesTheUsersOtherDevicesAndAFreshDeviceSyncsTheReadCursor() {
        TestClient alice = newUser("rm");
        TestClient bobPhone = server.connect();
        bobPhone.register(Names.unique("rm"), PASSWORD, null, "phone");
        long conv = befriend(alice, bobPhone);
        TestClient bobLaptop = server.login(bobPhone.username(), PASSWORD, "laptop");
        for (int i = 0; i < 3; i++) {
            alice.sendText(conv, Names.msgId(), "m" + i);
        }

        read(bobPhone, conv, 2);

        awaitReceipt(bobLaptop, conv, bobPhone, 2, 2);
        awaitReceipt(bobPhone, conv, bobPhone, 2, 2);
        TestClient bobTablet = server.login(bobPhone.username(), PASSWORD, "tablet");
        var info = PrivateChatContract.conversation(bobTablet.sync(), conv);
        assertThat(info.readCursor()).isEqualTo(2);
        assertThat(info.ackSeq()).as("a new device holds nothing yet").isZero();
        assertThat(info.lastSeq()).isEqualTo(3);
    }

    @Test
    void theReadCursorOnlyMovesForwardAndIsCheckedLikeTheDeviceCursor() {
        TestClient alice = newUser("rv");
        TestClient bob = newUser("rv");
        TestClient stranger = newUser("rv");
        long conv = befriend(alice, bob);
        alice.sendText(conv, Names.msgId(), "a");
        alice.sendText(conv, Names.msgId(), "b");

        read(bob, conv, 2);
        read(bob, conv, 1);
        read(bob, conv, 0);
        bob.expectError(new MarkRead(bob.nextId(), conv, 3), ErrorCode.BAD_REQUEST);
        stranger.expectError(new MarkRead(stranger.nextId(), conv, 1), ErrorCode.FORBIDDEN);
        bob.expectError(new MarkRead(bob.nextId(), 987_654_321L, 1), ErrorCode.NOT_FOUND);
        assertThat(bob.requestJson("neg", "{\"type\":\"msg.read\",\"id\":\"neg\",\"convId\":" + conv + ",\"seq\":-1}"))
                .isInstanceOfSatisfying(org.qchat.protocol.packet.ErrorReply.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        stranger.expectError(new ListReceipts(stranger.nextId(), conv), ErrorCode.FORBIDDEN);
        bob.expectError(new ListReceipts(bob.nextId(), 1), ErrorCode.FORBIDDEN);

        assertThat(PrivateChatContract.conversation(bob.sync(), conv).readCursor()).isEqualTo(2);
        assertThat(receipts(alice, conv).get(bob.userId()).read()).isEqualTo(2);
    }

    @Test
    void inASmallGroupEveryMemberSeesWhoReadWhatAndTheSenderCountsReaders() {
        TestClient alice = newUser("rg");
        TestClient bob = newUser("rg");
        TestClient carol = newUser("rg");
        long group = groupOf(alice, bob, carol);
        alice.sendText(group, Names.msgId(), "first");
        alice.sendText(group, Names.msgId(), "second");

        read(bob, group, 2);
        read(carol, group, 1);

        awaitReceipt(alice, group, bob, 2, 2);
        awaitReceipt(alice, group, carol, 1, 1);
        awaitReceipt(carol, group, bob, 2, 2);
        Map<Long, Receipt> list = receipts(alice, group);
        assertThat(list).containsOnlyKeys(alice.userId(), bob.userId(), carol.userId());
        assertThat(readBy(list, alice.userId(), 1)).isEqualTo(2);
        assertThat(readBy(list, alice.userId(), 2)).isEqualTo(1);
        assertThat(list.values().stream().filter(r -> r.userId() != alice.userId() && r.read() >= 2)
                .map(Receipt::userId).toList()).containsExactly(bob.userId());
    }

    @Test
    void aGroupOverTheReceiptSizeGetsNoReceiptPushesFromOthersAndNoList() {
        TestClient alice = newUser("rl");
        TestClient bob = newUser("rl");
        TestClient carol = newUser("rl");
        TestClient dave = newUser("rl");
        long group = groupOf(alice, bob, carol, dave);
        alice.sendText(group, Names.msgId(), "to many");

        bob.ack(group, 1);
        read(bob, group, 1);

        awaitReceipt(bob, group, bob, 1, 1);
        alice.assertNoPush(ReceiptPush.class, p -> p.convId() == group, QUIET);
        carol.assertNoPush(ReceiptPush.class, p -> p.convId() == group, Duration.ZERO);
        alice.expectError(new ListReceipts(alice.nextId(), group), ErrorCode.TOO_LARGE);
    }
}
