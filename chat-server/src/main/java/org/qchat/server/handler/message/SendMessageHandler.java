package org.qchat.server.handler.message;

import org.qchat.protocol.packet.SendMessage;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageExtras;
import org.qchat.server.service.MessageExtrasCheck;
import org.qchat.server.service.MessageService;

/** Stores a message; the ack goes out only after the commit (see {@link org.qchat.server.service.MessageWriter}). */
public final class SendMessageHandler implements PacketHandler<SendMessage> {

    private final MessageService messages;
    private final FileService files;
    private final MessageExtrasCheck extras;

    public SendMessageHandler(MessageService messages, FileService files, MessageExtrasCheck extras) {
        this.messages = messages;
        this.files = files;
        this.extras = extras;
    }

    @Override
    public Class<SendMessage> type() {
        return SendMessage.class;
    }

    /** Plain text never blocks; a file, a reply or a mention of everyone is looked up first. */
    @Override
    public boolean neverBlocks(SendMessage request) {
        return !request.carriesFile() && request.replyTo() == null && !Boolean.TRUE.equals(request.mentionAll());
    }

    @Override
    public void handle(RequestContext context, SendMessage request) throws ChatException {
        long me = context.me().userId();
        MessageExtras checked = request.replyTo() == null && request.mentions() == null && request.mentionAll() == null
                ? MessageExtras.NONE
                : extras.check(me, request.convId(), request.replyTo(), request.mentions(), request.mentionAll());
        context.replyWhenDone(request.carriesFile()
                        ? files.send(context.connection(), me, request, checked)
                        : messages.send(context.connection(), me, request.convId(), request.clientMsgId(), request.text(),
                                false, checked),
                m -> MessageReplies.sent(context.id(), m));
    }
}
