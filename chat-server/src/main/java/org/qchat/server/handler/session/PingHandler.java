package org.qchat.server.handler.session;

import java.time.Clock;

import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Answers heartbeats with the server time. */
public final class PingHandler implements PacketHandler<Ping> {

    private final Clock clock;

    public PingHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<Ping> type() {
        return Ping.class;
    }

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public void handle(RequestContext context, Ping request) throws ChatException {
        context.reply(new Pong(context.id(), clock.millis()));
    }
}
