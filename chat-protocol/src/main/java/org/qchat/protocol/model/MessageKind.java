package org.qchat.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a message holds. A message without a kind on the wire is text. */
public enum MessageKind {
    @JsonProperty("text") TEXT,
    /** A picture, shown inline from its thumbnail. */
    @JsonProperty("image") IMAGE,
    /** Any other file, shown as a card. */
    @JsonProperty("file") FILE,
    /** A change to a group (join, leave, notice, mute, ...) shown as a line in its history. */
    @JsonProperty("system") SYSTEM
}
