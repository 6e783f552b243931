package org.qchat.protocol.model;

/** A member of a group, their role, and whether any of their devices is online. */
public record MemberInfo(UserInfo user, Role role, boolean online) {
}
