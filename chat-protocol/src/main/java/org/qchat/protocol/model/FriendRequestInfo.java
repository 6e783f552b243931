package org.qchat.protocol.model;

/** A pending friend request. {@code time} is epoch milliseconds. */
public record FriendRequestInfo(long requestId, UserInfo from, UserInfo to, String note, long time) {
}
