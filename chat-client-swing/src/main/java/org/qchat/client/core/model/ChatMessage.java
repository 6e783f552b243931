package org.qchat.client.core.model;

import org.qchat.protocol.model.MessageInfo;

/**
 * One message as a conversation view shows it. A stored message has its server {@code seq}; a
 * message of mine still in the outbox has {@code seq} 0 and is keyed by its clientMsgId.
 *
 * @param errorKey for {@link DeliveryState#FAILED}, the message key saying why; otherwise null
 */
public record ChatMessage(long convId, long seq, long senderId, String clientMsgId, String text, long time,
                          DeliveryState state, String errorKey) {

    public static ChatMessage stored(MessageInfo m) {
        return new ChatMessage(m.convId(), m.seq(), m.senderId(), m.clientMsgId(), m.text(), m.time(),
                DeliveryState.SENT, null);
    }

    public static ChatMessage outgoing(long convId, long myId, String clientMsgId, String text, long now) {
        return new ChatMessage(convId, 0, myId, clientMsgId, text, now, DeliveryState.SENDING, null);
    }

    public boolean isStored() {
        return seq > 0;
    }

    /** Stable identity within a conversation: the seq once stored, the clientMsgId before. */
    public String key() {
        return isStored() ? "seq:" + seq : "out:" + clientMsgId;
    }

    public ChatMessage withState(DeliveryState state, String errorKey) {
        return new ChatMessage(convId, seq, senderId, clientMsgId, text, time, state, errorKey);
    }
}
