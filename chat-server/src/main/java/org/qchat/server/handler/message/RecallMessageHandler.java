package org.qchat.server.handler.message;

import org.qchat.protocol.packet.RecallMessage;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.RecallService;

/** Recalls a message; waits for the writer, so it runs on a worker thread. */
public final class RecallMessageHandler implements PacketHandler<RecallMessage> {

    private final RecallService recalls;

    public RecallMessageHandler(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public Class<RecallMessage> type() {
        return RecallMessage.class;
    }

    @Override
    public void handle(RequestContext context, RecallMessage request) throws ChatException {
        recalls.recall(context.me().userId(), request.convId(), request.seq());
        context.ok();
    }
}
