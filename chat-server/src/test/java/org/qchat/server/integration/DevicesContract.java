package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.integration.PrivateChatContract.conversation;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.SyncState;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** Several devices of one account: pushes to all, per-device cursors, presence across devices. */
abstract class DevicesContract extends ServerContract {

    protected DevicesContract(Backend backend) {
        super(backend);
    }

    @Test
    void twoDevicesOfOneAccountBothGetEveryPushAndKeepTheirOwnCursors() {
        TestClient phone = server.connect();
        phone.register(Names.unique("dev"), PASSWORD, null, "phone");
        TestClient desktop = server.login(phone.username(), PASSWORD, "desktop");
        TestClient bob = newUser("dev");

        long conv = befriend(phone, bob);
        desktop.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == bob.userId());

        String fromBob = Names.msgId();
        bob.sendText(conv, fromBob, "to both devices");
        phone.awaitMessage(conv, fromBob);
        desktop.awaitMessage(conv, fromBob);

        String fromPhone = Names.msgId();
        phone.sendText(conv, fromPhone, "sent from the phone");
        assertThat(desktop.awaitMessage(conv, fromPhone).senderId()).isEqualTo(phone.userId());
        bob.awaitMessage(conv, fromPhone);
        phone.assertNoPush(MessagePush.class, p -> p.message().clientMsgId().equals(fromPhone), Duration.ofMillis(300));

        phone.ack(conv, 2);

        assertThat(conversation(phone.sync(), conv).ackSeq()).isEqualTo(2);
        assertThat(conversation(desktop.sync(), conv).ackSeq()).as("cursors are per device").isZero();
        desktop.ack(conv, 1);
        assertThat(conversation(desktop.sync(), conv).ackSeq()).isEqualTo(1);
        assertThat(conversation(phone.sync(), conv).ackSeq()).isEqualTo(2);
        TestClient phoneAgain = server.connect();
        phoneAgain.resume(phone.token(), null);
        assertThat(conversation(phoneAgain.sync(), conv).ackSeq()).as("the token's device keeps its cursor")
                .isEqualTo(2);
        TestClient tablet = server.login(phone.username(), PASSWORD, "tablet");
        assertThat(conversation(tablet.sync(), conv).ackSeq()).as("a new device starts at 0").isZero();
    }

    @Test
    void presenceGoesOfflineOnlyWhenTheLastDeviceLeaves() {
        TestClient phone = server.connect();
        phone.register(Names.unique("pdev"), PASSWORD, null, "phone");
        TestClient desktop = server.login(phone.username(), PASSWORD, "desktop");
        TestClient friend = newUser("pdev");
        befriend(phone, friend);
        long userId = phone.userId();

        phone.closeAbruptly();
        friend.assertNoPush(PresencePush.class, p -> p.userId() == userId && !p.online(), Duration.ofMillis(500));
        assertThat(friend.friends()).singleElement().satisfies(f -> assertThat(f.online()).isTrue());

        desktop.close();
        friend.awaitPush(PresencePush.class, p -> p.userId() == userId && !p.online());

        server.login(phone.username(), PASSWORD, "phone");
        friend.awaitPush(PresencePush.class, p -> p.userId() == userId && p.online());
    }

    @Test
    void aNewUserSyncsTheSystemConversationAndNothingElse() {
        TestClient fresh = newUser("fresh");

        SyncState state = fresh.sync();

        ConversationInfo system = conversation(state, 1);
        assertThat(system.kind()).isEqualTo(ConversationKind.SYSTEM);
        assertThat(system.active()).isTrue();
        assertThat(system.ackSeq()).isZero();
        assertThat(state.conversations()).hasSize(1);
        assertThat(state.friendRequests()).isEmpty();
        assertThat(state.serverTime()).isPositive();
        assertThat(fresh.pull(1, system.lastSeq(), null).messages()).isEmpty();
    }
}
