package org.qchat.server.store;

import org.qchat.protocol.model.ConversationKind;

/** A row of {@code conversations}. For private ones, {@code userLo < userHi} are the two users. */
public record ConversationRecord(long id, ConversationKind kind, long lastSeq, Long userLo, Long userHi) {

    /** The id of the system (announcement) conversation. */
    public static final long SYSTEM_ID = 1;

    /** For a private conversation, the user who is not {@code userId}. */
    public long peerOf(long userId) {
        return userLo == userId ? userHi : userLo;
    }
}
