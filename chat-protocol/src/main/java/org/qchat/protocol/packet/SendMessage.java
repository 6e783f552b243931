package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/**
 * Sends a message to a conversation. Answered with {@link MessageSent} once stored durably.
 *
 * <p>A text message (no {@code kind}, or {@code "text"}) needs {@code text}. An image or file message
 * names a stored file of the sender's by {@code fileId} instead, and may rename it with {@code name}.
 */
@PacketType("msg.send")
public record SendMessage(String id, long convId, String clientMsgId, String text, MessageKind kind, String fileId,
                          String name) implements Request {

    public SendMessage {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.required(clientMsgId, "clientMsgId");
        if (kind == MessageKind.SYSTEM) {
            throw new IllegalArgumentException("system lines are written by the server, not sent");
        }
        if (kind == null || kind == MessageKind.TEXT) {
            Check.required(text, "text");
        } else {
            Check.required(fileId, "fileId");
            if (!FileInfo.isSha256(fileId)) {
                throw new IllegalArgumentException("fileId must be 64 lowercase hex digits");
            }
        }
    }

    /** A text message. */
    public SendMessage(String id, long convId, String clientMsgId, String text) {
        this(id, convId, clientMsgId, text, null, null, null);
    }

    /** Whether this sends a file rather than text. */
    public boolean carriesFile() {
        return kind == MessageKind.IMAGE || kind == MessageKind.FILE;
    }
}
