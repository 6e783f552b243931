package org.qchat.server.handler.message;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessageSent;

/** The ack for a stored message. */
public final class MessageReplies {

    private MessageReplies() {
    }

    public static MessageSent sent(String requestId, MessageInfo m) {
        return new MessageSent(requestId, m.clientMsgId(), m.msgId(), m.convId(), m.seq(), m.time());
    }
}
