package org.qchat.client.core.model;

import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.UserInfo;

/**
 * A friend as the friend list shows them.
 *
 * @param remark the name I gave this friend (备注), shown in place of the nickname; null if none
 */
public record Contact(UserInfo user, boolean online, long convId, String remark) {

    public Contact(UserInfo user, boolean online, long convId) {
        this(user, online, convId, null);
    }

    public static Contact of(FriendInfo friend) {
        return new Contact(friend.user(), friend.online(), friend.convId(), friend.remark());
    }

    public long userId() {
        return user.userId();
    }

    /** The remark if I gave one, else the nickname, or the username if the nickname is blank. */
    public String displayName() {
        return remark != null && !remark.isBlank() ? remark : Names.display(user);
    }

    /** The nickname (or username), whatever the remark. */
    public String nickname() {
        return Names.display(user);
    }

    public boolean hasRemark() {
        return remark != null && !remark.isBlank();
    }

    public Contact withOnline(boolean online) {
        return new Contact(user, online, convId, remark);
    }

    public Contact withUser(UserInfo user) {
        return new Contact(user, online, convId, remark);
    }

    public Contact withRemark(String remark) {
        return new Contact(user, online, convId, remark == null || remark.isBlank() ? null : remark);
    }
}
