package org.qchat.server.handler.message;

import org.qchat.protocol.packet.Typing;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.TypingService;

/** Tells a private conversation's peer that the user is typing; in memory only. */
public final class TypingHandler implements PacketHandler<Typing> {

    private final TypingService typing;

    public TypingHandler(TypingService typing) {
        this.typing = typing;
    }

    @Override
    public Class<Typing> type() {
        return Typing.class;
    }

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public void handle(RequestContext context, Typing request) throws ChatException {
        typing.typing(context.me().userId(), request.convId());
        context.ok();
    }
}
