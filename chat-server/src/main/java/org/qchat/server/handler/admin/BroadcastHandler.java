package org.qchat.server.handler.admin;

import org.qchat.protocol.packet.Broadcast;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.handler.message.MessageReplies;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageService;
import org.qchat.server.store.ConversationRecord;

/** Sends an announcement to every user. */
public final class BroadcastHandler implements PacketHandler<Broadcast> {

    private final MessageService messages;
    private final AdminCheck admins;

    public BroadcastHandler(MessageService messages, AdminCheck admins) {
        this.messages = messages;
        this.admins = admins;
    }

    @Override
    public Class<Broadcast> type() {
        return Broadcast.class;
    }

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public void handle(RequestContext context, Broadcast request) throws ChatException {
        var me = admins.require(context);
        context.replyWhenDone(
                messages.send(context.connection(), me.userId(), ConversationRecord.SYSTEM_ID, request.clientMsgId(),
                        request.text(), true),
                m -> MessageReplies.sent(context.id(), m));
    }
}
