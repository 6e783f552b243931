package org.qchat.client.core.model;

import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.UserInfo;

/** A friend as the friend list shows them. */
public record Contact(UserInfo user, boolean online, long convId) {

    public static Contact of(FriendInfo friend) {
        return new Contact(friend.user(), friend.online(), friend.convId());
    }

    public long userId() {
        return user.userId();
    }

    /** The nickname, or the username if the nickname is blank. */
    public String displayName() {
        return Names.display(user);
    }

    public Contact withOnline(boolean online) {
        return new Contact(user, online, convId);
    }

    public Contact withUser(UserInfo user) {
        return new Contact(user, online, convId);
    }
}
