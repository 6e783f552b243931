package org.qchat.server.handler.readstate;

import org.qchat.protocol.packet.ListReceipts;
import org.qchat.protocol.packet.ReceiptList;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.ReceiptService;

/** Lists the delivered and read cursors of a conversation's members (`receipts`). */
public final class ListReceiptsHandler implements PacketHandler<ListReceipts> {

    private final ReceiptService service;

    public ListReceiptsHandler(ReceiptService service) {
        this.service = service;
    }

    @Override
    public Class<ListReceipts> type() {
        return ListReceipts.class;
    }

    @Override
    public void handle(RequestContext context, ListReceipts request) throws ChatException {
        context.reply(new ReceiptList(context.id(), request.convId(),
                service.receipts(context.me().userId(), request.convId())));
    }
}
