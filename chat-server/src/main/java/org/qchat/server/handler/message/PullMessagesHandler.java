package org.qchat.server.handler.message;

import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageService;

/** Pages forward from a seq. */
public final class PullMessagesHandler implements PacketHandler<PullMessages> {

    private final MessageService messages;

    public PullMessagesHandler(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public Class<PullMessages> type() {
        return PullMessages.class;
    }

    @Override
    public void handle(RequestContext context, PullMessages request) throws ChatException {
        MessageService.Page page = messages.pull(context.me().userId(), request.convId(), request.afterSeq(), request.limit());
        context.reply(new MessagePage(context.id(), request.convId(), page.messages(), page.more()));
    }
}
