package org.qchat.server.handler.file;

import org.qchat.protocol.packet.ProveFile;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Checks the proof that the uploader has a file the server already holds. */
public final class ProveFileHandler implements PacketHandler<ProveFile> {

    private final FileService files;

    public ProveFileHandler(FileService files) {
        this.files = files;
    }

    @Override
    public Class<ProveFile> type() {
        return ProveFile.class;
    }

    @Override
    public void handle(RequestContext context, ProveFile request) throws ChatException {
        context.reply(files.prove(context.connection(), context.me().userId(), context.id(), request.uploadId(),
                request.proof()));
    }
}
