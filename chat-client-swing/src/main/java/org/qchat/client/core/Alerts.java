package org.qchat.client.core;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;

/** Which arriving messages deserve a sound and a notice: all, except in a muted conversation, where only those that mention me. */
public final class Alerts {

    private Alerts() {
    }

    public static boolean wanted(Conversation conv, ChatMessage message) {
        return !conv.isMuted() || conv.mentionsMe(message.seq());
    }
}
