package org.qchat.client.core;

import org.qchat.client.core.model.ContactList;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.FriendRequests;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Listeners;
import org.qchat.client.core.model.Session;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.ConversationSettingsPush;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendRemarkPush;
import org.qchat.protocol.packet.ReceiptPush;
import org.qchat.protocol.packet.FriendDeclinedPush;
import org.qchat.protocol.packet.FriendRemovedPush;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.GroupMemberPush;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.UserUpdatedPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the server's pushes to the models. Every push is treated as an idempotent statement
 * ("X is my friend", "I am in group G"), because the same change can arrive both as a reply and
 * as a push, or twice.
 */
final class PushRouter {

    private static final Logger log = LoggerFactory.getLogger(PushRouter.class);

    private final Session session;
    private final ContactList contacts;
    private final FriendRequests requests;
    private final GroupDirectory groups;
    private final ConversationList conversations;
    private final UserDirectory users;
    private final SyncEngine sync;
    private final Listeners<ClientEvents> events;

    PushRouter(Session session, ContactList contacts, FriendRequests requests, GroupDirectory groups,
               ConversationList conversations, UserDirectory users, SyncEngine sync, Listeners<ClientEvents> events) {
        this.session = session;
        this.contacts = contacts;
        this.requests = requests;
        this.groups = groups;
        this.conversations = conversations;
        this.users = users;
        this.sync = sync;
        this.events = events;
    }

    void apply(Push push) {
        if (push instanceof MessagePush p) {
            onMessage(p);
        } else if (push instanceof PresencePush p) {
            contacts.setOnline(p.userId(), p.online());
            groups.setOnline(p.userId(), p.online());
        } else if (push instanceof FriendRequestPush p) {
            users.put(p.request().from());
            requests.putIncoming(p.request());
            events.fire(e -> e.friendRequestReceived(p.request()));
        } else if (push instanceof FriendAddedPush p) {
            // Mine if I had asked them: then the news is that they said yes.
            boolean accepted = requests.hasOutgoingTo(p.friend().user().userId());
            friendAdded(p.friend(), true);
            if (accepted) {
                events.fire(e -> e.friendRequestAccepted(p.friend().user()));
            }
        } else if (push instanceof FriendRemovedPush p) {
            contacts.get(p.userId()).flatMap(c -> conversations.get(c.convId())).ifPresent(c -> c.setActive(false));
            contacts.remove(p.userId());
        } else if (push instanceof FriendDeclinedPush p) {
            requests.remove(p.requestId());
            events.fire(e -> e.friendRequestDeclined(p.userId()));
        } else if (push instanceof UserUpdatedPush p) {
            userUpdated(p.user());
        } else if (push instanceof GroupJoinedPush p) {
            boolean added = !groups.isMember(p.group().groupId()) && p.group().ownerId() != session.myId();
            groupJoined(p.group(), true);
            if (added) {
                events.fire(e -> e.addedToGroup(p.group()));
            }
        } else if (push instanceof GroupLeftPush p) {
            String name = groups.info(p.groupId()).map(GroupInfo::name).orElse("");
            groups.leave(p.groupId(), p.reason());
            conversations.get(p.groupId()).ifPresent(c -> c.setActive(false));
            events.fire(e -> e.groupLeft(p.groupId(), name, p.reason()));
        } else if (push instanceof GroupMemberPush p) {
            users.put(p.member().user());
            groups.applyMemberChange(p.groupId(), p.member(), p.change(), session.myId());
        } else if (push instanceof ReceiptPush p) {
            receipt(p);
        } else if (push instanceof ConversationSettingsPush p) {
            conversations.get(p.convId()).ifPresent(c -> c.applySettings(p.pinned(), p.dnd()));
        } else if (push instanceof FriendRemarkPush p) {
            remark(p.userId(), p.remark());
        } else {
            log.debug("ignoring push {}", push.type());
        }
    }

    /** Mine: read on another device, so read here too. Another member's: their ticks move. */
    private void receipt(ReceiptPush p) {
        conversations.get(p.convId()).ifPresent(conv -> {
            if (p.userId() == session.myId()) {
                conv.applyOwnRead(p.read());
            } else {
                conv.applyReceipt(p.userId(), p.delivered(), p.read());
            }
        });
    }

    void remark(long userId, String remark) {
        users.setRemark(userId, remark);
        contacts.setRemark(userId, remark);
    }

    private void onMessage(MessagePush p) {
        if (sync.onPushedMessage(p.message()) && p.message().senderId() != session.myId()) {
            Conversation conv = conversations.get(p.message().convId()).orElseThrow();
            conv.stored(p.message().seq()).ifPresent(m -> events.fire(e -> e.messageArrived(conv, m)));
        }
    }

    /**
     * A friendship exists (push, or an entry of a fresh friend list). A conversation new to this
     * session gets its cursors from a {@code sync}, unless one is coming anyway ({@code learnCursors}
     * false during the login bootstrap).
     */
    void friendAdded(FriendInfo friend, boolean learnCursors) {
        users.put(friend.user());
        users.setRemark(friend.user().userId(), friend.remark());
        contacts.put(friend);
        requests.settleWith(friend.user().userId());
        Conversation conv = conversations.ensure(friend.convId(), ConversationKind.PRIVATE);
        conv.describe(ConversationKind.PRIVATE, friend.user().userId(), null);
        conv.setActive(true);
        if (learnCursors && !conv.hasServerCursors()) {
            sync.sync();
        }
    }

    /** I am in this group (push, reply, or an entry of a fresh group list); see {@link #friendAdded}. */
    void groupJoined(GroupInfo group, boolean learnCursors) {
        groups.put(group);
        Conversation conv = conversations.ensure(group.convId(), ConversationKind.GROUP);
        conv.describe(ConversationKind.GROUP, null, group.groupId());
        conv.setActive(true);
        if (learnCursors && !conv.hasServerCursors()) {
            sync.sync();
        }
    }

    void userUpdated(UserInfo user) {
        users.put(user);
        contacts.updateUser(user);
        groups.updateUser(user);
        if (user.userId() == session.myId()) {
            session.setMe(user);
        }
    }
}
