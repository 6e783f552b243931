package org.qchat.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.RespondFriendRequest;
import org.qchat.protocol.packet.SendFriendRequest;

/** Multi-step set-ups shared by the in-process tests and the process-level ones. */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * Makes two online users friends the way clients do (request, push, accept, friend.added on both
     * sides) and returns their private conversation id.
     */
    public static long befriend(TestClient a, TestClient b) {
        a.expectOk(new SendFriendRequest(a.nextId(), b.userId(), null));
        FriendRequestInfo request = b.awaitPush(FriendRequestPush.class,
                p -> p.request().from().userId() == a.userId()).request();
        b.expectOk(new RespondFriendRequest(b.nextId(), request.requestId(), true));
        FriendInfo ofA = a.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == b.userId()).friend();
        FriendInfo ofB = b.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == a.userId()).friend();
        assertThat(ofA.convId()).as("both sides see the same private conversation").isEqualTo(ofB.convId());
        return ofA.convId();
    }
}
