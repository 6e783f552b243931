package org.qchat.protocol.model;

/** A friend, whether any of their devices is online, and the id of your private conversation. */
public record FriendInfo(UserInfo user, boolean online, long convId) {
}
