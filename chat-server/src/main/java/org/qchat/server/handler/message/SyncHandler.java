package org.qchat.server.handler.message;

import java.time.Clock;

import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.SyncService;

/** Tells a device which conversations have news. */
public final class SyncHandler implements PacketHandler<Sync> {

    private final SyncService sync;
    private final Clock clock;

    public SyncHandler(SyncService sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public Class<Sync> type() {
        return Sync.class;
    }

    @Override
    public void handle(RequestContext context, Sync request) throws ChatException {
        var me = context.me();
        SyncService.State state = sync.sync(me.userId(), me.device());
        context.reply(new SyncState(context.id(), state.conversations(), state.friendRequests(), clock.millis()));
    }
}
