package org.qchat.protocol.model;

/**
 * A friend, whether any of their devices is online, the id of your private conversation, and the
 * remark (备注) you gave them, null if none.
 */
public record FriendInfo(UserInfo user, boolean online, long convId, String remark) {

    /** A friend without a remark. */
    public FriendInfo(UserInfo user, boolean online, long convId) {
        this(user, online, convId, null);
    }

    /** This friend with another remark ({@code ""} or null: none). */
    public FriendInfo withRemark(String newRemark) {
        return new FriendInfo(user, online, convId, newRemark == null || newRemark.isEmpty() ? null : newRemark);
    }
}
