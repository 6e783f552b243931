package org.qchat.server.handler.file;

import org.qchat.protocol.packet.DownloadFile;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Starts sending the file of a message the user may read. */
public final class DownloadFileHandler implements PacketHandler<DownloadFile> {

    private final FileService files;

    public DownloadFileHandler(FileService files) {
        this.files = files;
    }

    @Override
    public Class<DownloadFile> type() {
        return DownloadFile.class;
    }

    @Override
    public void handle(RequestContext context, DownloadFile request) throws ChatException {
        files.startDownload(context.connection(), context.me().userId(), context.id(), request.convId(), request.seq(),
                request.offset(), context::reply);
    }
}
