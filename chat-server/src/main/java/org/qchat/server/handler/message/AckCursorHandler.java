package org.qchat.server.handler.message;

import org.qchat.protocol.packet.AckCursor;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.SyncService;

/** Stores a device's cursor. */
public final class AckCursorHandler implements PacketHandler<AckCursor> {

    private final SyncService sync;

    public AckCursorHandler(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public Class<AckCursor> type() {
        return AckCursor.class;
    }

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public void handle(RequestContext context, AckCursor request) throws ChatException {
        var me = context.me();
        sync.ack(me.userId(), me.device(), request.convId(), request.seq());
        context.ok();
    }
}
