package org.qchat.protocol.model;

/** A user's public profile. */
public record UserInfo(long userId, String username, String nickname, String signature) {
}
