package org.qchat.protocol.model;

/**
 * A stored message. {@code seq} is its position in the conversation (gapless, from 1);
 * {@code time} is the server's commit time in epoch milliseconds.
 *
 * <p>Since protocol version 2 a message may carry a file: {@code kind} is then {@link MessageKind#IMAGE}
 * or {@link MessageKind#FILE} and {@code file} describes it, while {@code text} holds a fallback
 * ("[image] cat.png") for clients that know only text. For text both are null, so a text message is
 * encoded exactly as in version 1.
 */
public record MessageInfo(long msgId, long convId, long seq, long senderId, String clientMsgId, String text,
                          long time, MessageKind kind, FileInfo file) {

    /** A text message. */
    public MessageInfo(long msgId, long convId, long seq, long senderId, String clientMsgId, String text, long time) {
        this(msgId, convId, seq, senderId, clientMsgId, text, time, null, null);
    }

    /** The kind, {@link MessageKind#TEXT} when the wire says nothing. */
    public MessageKind kindOrText() {
        return kind == null ? MessageKind.TEXT : kind;
    }

    /** This message with another text, everything else kept. */
    public MessageInfo withText(String newText) {
        return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, newText, time, kind, file);
    }

    /** The text a client that shows only text displays for a file message. */
    public static String fallbackText(MessageKind kind, String fileName) {
        return (kind == MessageKind.IMAGE ? "[image] " : "[file] ") + fileName;
    }
}
