package org.qchat.server.handler.message;

import org.qchat.protocol.packet.SendMessage;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageService;

/** Stores a message; the ack goes out only after the commit (see {@link org.qchat.server.service.MessageWriter}). */
public final class SendMessageHandler implements PacketHandler<SendMessage> {

    private final MessageService messages;
    private final FileService files;

    public SendMessageHandler(MessageService messages, FileService files) {
        this.messages = messages;
        this.files = files;
    }

    @Override
    public Class<SendMessage> type() {
        return SendMessage.class;
    }

    /** Text never blocks; an image or file is looked up in the database first. */
    @Override
    public boolean neverBlocks(SendMessage request) {
        return !request.carriesFile();
    }

    @Override
    public void handle(RequestContext context, SendMessage request) throws ChatException {
        long me = context.me().userId();
        context.replyWhenDone(request.carriesFile()
                        ? files.send(context.connection(), me, request)
                        : messages.send(context.connection(), me, request.convId(), request.clientMsgId(), request.text(), false),
                m -> MessageReplies.sent(context.id(), m));
    }
}
