package org.qchat.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may join a group without being invited. */
public enum JoinPolicy {
    /** Anyone may join. */
    @JsonProperty("open") OPEN,
    /** Only members may add people (by invitation). */
    @JsonProperty("invite") INVITE
}
