package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.integration.PrivateChatContract.conversation;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** Announcements from server admins in the system conversation (id 1). */
abstract class BroadcastContract extends ServerContract {

    private static final long SYSTEM = 1;

    protected BroadcastContract(Backend backend) {
        super(backend);
    }

    @Test
    void anAdminBroadcastReachesOnlineUsersNowAndOfflineUsersAtTheirNextSync() {
        TestClient admin = server.admin();
        TestClient adminPhone = server.login(admin.username(), PASSWORD, "admin-phone");
        TestClient online = newUser("bc");
        TestClient offline = newUser("bc");
        offline.close();
        String clientMsgId = Names.msgId();

        MessageSent sent = admin.expect(MessageSent.class, new Broadcast(admin.nextId(), clientMsgId, "maintenance at 22:00"));

        assertThat(sent.convId()).isEqualTo(SYSTEM);
        MessageInfo pushed = online.awaitMessage(SYSTEM, clientMsgId);
        assertThat(pushed.text()).isEqualTo("maintenance at 22:00");
        assertThat(pushed.seq()).isEqualTo(sent.seq());
        assertThat(pushed.msgId()).isEqualTo(sent.msgId());
        adminPhone.awaitMessage(SYSTEM, clientMsgId);
        admin.assertNoPush(MessagePush.class, p -> p.message().clientMsgId().equals(clientMsgId), Duration.ofMillis(300));

        TestClient back = server.login(offline.username(), PASSWORD, null);
        ConversationInfo system = conversation(back.sync(), SYSTEM);
        assertThat(system.lastSeq()).isEqualTo(sent.seq());
        assertThat(system.ackSeq()).isLessThan(sent.seq());
        assertThat(back.pullAll(SYSTEM, system.ackSeq())).extracting(MessageInfo::clientMsgId).contains(clientMsgId);
        back.ack(SYSTEM, sent.seq());
        assertThat(conversation(back.sync(), SYSTEM).ackSeq()).isEqualTo(sent.seq());
    }

    @Test
    void aUserRegisteredAfterABroadcastDoesNotSeeIt() {
        TestClient admin = server.admin();
        String clientMsgId = Names.msgId();
        MessageSent sent = admin.expect(MessageSent.class, new Broadcast(admin.nextId(), clientMsgId, "old news"));

        TestClient newcomer = newUser("bcnew");

        assertThat(newcomer.pullAll(SYSTEM, 0)).extracting(MessageInfo::clientMsgId).doesNotContain(clientMsgId);
        assertThat(newcomer.history(SYSTEM, null, null).messages()).extracting(MessageInfo::seq)
                .allSatisfy(seq -> assertThat(seq).isGreaterThan(sent.seq()));
    }

    @Test
    void aResentBroadcastReturnsTheOriginalAck() {
        TestClient admin = server.admin();
        String clientMsgId = Names.msgId();

        MessageSent first = admin.expect(MessageSent.class, new Broadcast(admin.nextId(), clientMsgId, "once"));
        MessageSent again = admin.expect(MessageSent.class, new Broadcast(admin.nextId(), clientMsgId, "once"));

        assertThat(again).usingRecursiveComparison().ignoringFields("id").isEqualTo(first);
    }

    @Test
    void onlyAdminsMayBroadcastAndNobodyMaySendToTheSystemConversation() {
        TestClient user = newUser("bcno");
        TestClient admin = server.admin();

        user.expectError(new Broadcast(user.nextId(), Names.msgId(), "I am the admin now"), ErrorCode.FORBIDDEN);
        user.expectError(new SendMessage(user.nextId(), SYSTEM, Names.msgId(), "me too"), ErrorCode.FORBIDDEN);
        admin.expectError(new SendMessage(admin.nextId(), SYSTEM, Names.msgId(), "use broadcast"), ErrorCode.FORBIDDEN);
        admin.expectError(new Broadcast(admin.nextId(), Names.msgId(), ""), ErrorCode.BAD_REQUEST);
        admin.expectError(new Broadcast(admin.nextId(), Names.msgId(), "x".repeat(4001)), ErrorCode.TOO_LARGE);
    }
}
