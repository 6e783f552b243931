package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.SendFriendRequest;

/** The news that someone said yes to my friend request, and only that. */
class FriendAcceptedTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final UserInfo DAVE = user(4, "Dave");
    private static final UserInfo ERIN = user(5, "Erin");
    private final ClientHarness h = new ClientHarness();
    private final List<String> accepted = new ArrayList<>();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(), List.of(), List.of());
        h.client.addEventListener(new ClientEvents() {
            @Override
            public void friendRequestAccepted(UserInfo friend) {
                accepted.add(friend.username());
            }
        });
    }

    @Test
    void aFriendAddedWhomIAskedIsTheAcceptanceOfMyRequest() {
        h.client.sendFriendRequest(DAVE.userId(), "hi");
        h.answer(SendFriendRequest.class, r -> new Ok(r.id()));
        h.answer(ListFriendRequests.class, r -> new FriendRequestList(r.id(), List.of(),
                List.of(new FriendRequestInfo(40, ME, DAVE, "hi", Wire.TIME))));

        h.transport().receive(new FriendAddedPush(new FriendInfo(DAVE, true, 14)));

        assertThat(accepted).containsExactly(DAVE.username());
        assertThat(h.client.contacts().isFriend(DAVE.userId())).isTrue();
    }

    @Test
    void aFriendAddedBecauseIAcceptedTheirRequestIsNoNews() {
        h.transport().receive(new FriendAddedPush(new FriendInfo(ERIN, true, 15)));

        assertThat(accepted).isEmpty();
        assertThat(h.client.contacts().isFriend(ERIN.userId())).isTrue();
    }
}
