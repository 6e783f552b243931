package org.qchat.server.handler.file;

import org.qchat.protocol.packet.UploadFile;
import org.qchat.server.files.FileService;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Starts or resumes an upload, or answers at once when the user already holds the file. */
public final class UploadFileHandler implements PacketHandler<UploadFile> {

    private final FileService files;

    public UploadFileHandler(FileService files) {
        this.files = files;
    }

    @Override
    public Class<UploadFile> type() {
        return UploadFile.class;
    }

    @Override
    public void handle(RequestContext context, UploadFile request) throws ChatException {
        context.reply(files.startUpload(context.connection(), context.me().userId(), request));
    }
}
