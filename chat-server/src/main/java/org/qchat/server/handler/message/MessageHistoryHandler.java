package org.qchat.server.handler.message;

import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageService;

/** Pages backward from a seq. */
public final class MessageHistoryHandler implements PacketHandler<MessageHistory> {

    private final MessageService messages;

    public MessageHistoryHandler(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public Class<MessageHistory> type() {
        return MessageHistory.class;
    }

    @Override
    public void handle(RequestContext context, MessageHistory request) throws ChatException {
        MessageService.Page page = messages.history(context.me().userId(), request.convId(), request.beforeSeq(), request.limit());
        context.reply(new MessagePage(context.id(), request.convId(), page.messages(), page.more()));
    }
}
