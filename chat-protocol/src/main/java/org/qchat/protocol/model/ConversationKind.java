package org.qchat.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a conversation is between. */
public enum ConversationKind {
    /** Two friends. */
    @JsonProperty("private") PRIVATE,
    /** A group's members. */
    @JsonProperty("group") GROUP,
    /** Server announcements, received by every user. */
    @JsonProperty("system") SYSTEM
}
