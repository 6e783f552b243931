package org.qchat.server.handler.message;

import org.qchat.protocol.packet.SendMessage;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageService;

/** Stores a message; the ack goes out only after the commit (see {@link org.qchat.server.service.MessageWriter}). */
public final class SendMessageHandler implements PacketHandler<SendMessage> {

    private final MessageService messages;

    public SendMessageHandler(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public Class<SendMessage> type() {
        return SendMessage.class;
    }

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public void handle(RequestContext context, SendMessage request) throws ChatException {
        context.replyWhenDone(
                messages.send(context.connection(), context.me().userId(), request.convId(), request.clientMsgId(),
                        request.text(), false),
                m -> MessageReplies.sent(context.id(), m));
    }
}
