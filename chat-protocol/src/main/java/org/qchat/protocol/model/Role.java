package org.qchat.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A member's role in a group. */
public enum Role {
    @JsonProperty("owner") OWNER,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("member") MEMBER;

    /** Whether this role may remove a member holding {@code other}. */
    public boolean canKick(Role other) {
        return switch (this) {
            case OWNER -> other != OWNER;
            case ADMIN -> other == MEMBER;
            case MEMBER -> false;
        };
    }
}
