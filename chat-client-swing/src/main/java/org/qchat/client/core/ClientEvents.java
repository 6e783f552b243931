package org.qchat.client.core;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;

/**
 * Things worth a notice (a toast, a tray message), as opposed to state, which views read from
 * the models. Called on the dispatcher thread.
 */
public interface ClientEvents {

    /** A new message from someone else arrived live (not during catch-up). */
    default void messageArrived(Conversation conversation, ChatMessage message) {
    }

    default void friendRequestReceived(FriendRequestInfo request) {
    }

    /** {@code friend} accepted my friend request: we are friends now. */
    default void friendRequestAccepted(UserInfo friend) {
    }

    /** {@code userId} declined my friend request. */
    default void friendRequestDeclined(long userId) {
    }

    /** Someone added me to a group (an invitation, or a group created elsewhere with me in it). */
    default void addedToGroup(org.qchat.protocol.model.GroupInfo group) {
    }

    /** I am no longer in the group: {@code reason} is left, kicked or dissolved. */
    default void groupLeft(long groupId, String groupName, String reason) {
    }
}
