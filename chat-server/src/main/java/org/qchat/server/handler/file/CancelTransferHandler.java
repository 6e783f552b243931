package org.qchat.server.handler.file;

import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Closes an upload or a download of the connection. */
public final class CancelTransferHandler implements PacketHandler<CancelTransfer> {

    private final FileService files;

    public CancelTransferHandler(FileService files) {
        this.files = files;
    }

    @Override
    public Class<CancelTransfer> type() {
        return CancelTransfer.class;
    }

    @Override
    public void handle(RequestContext context, CancelTransfer request) throws ChatException {
        context.me();
        if (!files.cancel(context.connection(), request.transferId())) {
            throw ChatException.notFound("no open transfer " + request.transferId() + " on this connection");
        }
        context.ok();
    }
}
