package org.qchat.server.handler.readstate;

import org.qchat.protocol.packet.MarkRead;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.ReceiptService;

/** Moves the user's read cursor (`msg.read`). */
public final class MarkReadHandler implements PacketHandler<MarkRead> {

    private final ReceiptService service;

    public MarkReadHandler(ReceiptService service) {
        this.service = service;
    }

    @Override
    public Class<MarkRead> type() {
        return MarkRead.class;
    }

    @Override
    public void handle(RequestContext context, MarkRead request) throws ChatException {
        service.markRead(context.me().userId(), request.convId(), request.seq());
        context.ok();
    }
}
