package org.qchat.client.core.files;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/**
 * Sends the message that names an uploaded file: the client's outbox, which resends it with the
 * same clientMsgId until the server stored it, so it is never stored twice.
 */
@FunctionalInterface
public interface FileMessageSender {

    /** The message {@code clientMsgId}, already shown in its conversation, can go: its file is {@code file}. */
    void sendFile(long convId, String clientMsgId, MessageKind kind, FileInfo file);
}
