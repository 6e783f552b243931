package org.qchat.protocol.model;

/**
 * A member of a group, their role, and whether any of their devices is online. {@code mutedUntil}
 * (epoch ms) is present while the member may not send.
 */
public record MemberInfo(UserInfo user, Role role, boolean online, Long mutedUntil) {

    /** A member who is not muted. */
    public MemberInfo(UserInfo user, Role role, boolean online) {
        this(user, role, online, null);
    }
}
