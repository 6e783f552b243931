package org.qchat.protocol.packet;

import java.util.List;

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
 *
 * <p>Optional, any kind: {@code replyTo} quotes message seq of the same conversation; in a group,
 * {@code mentions} names members (user ids) and {@code mentionAll} mentions everyone (owner and admins).
 */
@PacketType("msg.send")
public record SendMessage(String id, long convId, String clientMsgId, String text, MessageKind kind, String fileId,
                          String name, Long replyTo, List<Long> mentions, Boolean mentionAll) implements Request {

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
        if (replyTo != null) {
            Check.positive(replyTo, "replyTo");
        }
        if (mentions != null) {
            for (Long userId : mentions) {
                Check.required(userId, "mentions[]");
            }
            mentions = List.copyOf(mentions);
        }
    }

    /** A text, image or file message without reply or mentions. */
    public SendMessage(String id, long convId, String clientMsgId, String text, MessageKind kind, String fileId,
                       String name) {
        this(id, convId, clientMsgId, text, kind, fileId, name, null, null, null);
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
