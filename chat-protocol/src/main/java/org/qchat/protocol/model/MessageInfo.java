package org.qchat.protocol.model;

import java.util.List;

/**
 * A stored message. {@code seq} is its position in the conversation (gapless, from 1);
 * {@code time} is the server's commit time in epoch milliseconds.
 *
 * <p>Since protocol version 2 a message may carry a file: {@code kind} is then {@link MessageKind#IMAGE}
 * or {@link MessageKind#FILE} and {@code file} describes it, while {@code text} holds a fallback
 * ("[image] cat.png") for clients that know only text. For text both are null, so a text message is
 * encoded exactly as in version 1.
 *
 * <p>Later additions, each null when it does not apply: {@code replyTo} (the quoted message),
 * {@code mentions} and {@code mentionAll} (group @mentions), {@code recalledBy} (who recalled it:
 * the content is then gone and {@code text} is {@link #RECALLED_TEXT}), {@code system} (a system
 * line of a group, {@code kind} {@link MessageKind#SYSTEM}).
 */
public record MessageInfo(long msgId, long convId, long seq, long senderId, String clientMsgId, String text,
                          long time, MessageKind kind, FileInfo file, Quote replyTo, List<Long> mentions,
                          Boolean mentionAll, Long recalledBy, SystemEvent system) {

    /** Text a client that knows nothing of recalls shows for a recalled message. */
    public static final String RECALLED_TEXT = "[recalled]";

    /** A text, image or file message without reply, mentions, recall or system event. */
    public MessageInfo(long msgId, long convId, long seq, long senderId, String clientMsgId, String text,
                       long time, MessageKind kind, FileInfo file) {
        this(msgId, convId, seq, senderId, clientMsgId, text, time, kind, file, null, null, null, null, null);
    }

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
        return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, newText, time, kind, file, replyTo,
                mentions, mentionAll, recalledBy, system);
    }

    /** This message with another quote (the stored seq resolved for readers), everything else kept. */
    public MessageInfo withReplyTo(Quote quote) {
        return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, text, time, kind, file, quote,
                mentions, mentionAll, recalledBy, system);
    }

    /**
     * This message as readers see it once {@code by} recalled it: its content gone (text, file,
     * quote, mentions), its place, ids, sender and time kept.
     */
    public MessageInfo recalled(long by) {
        return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, RECALLED_TEXT, time, null, null, null,
                null, null, by, null);
    }

    /** True when this message names {@code userId} among its mentions, or mentions everyone. */
    public boolean mentions(long userId) {
        return Boolean.TRUE.equals(mentionAll) || mentions != null && mentions.contains(userId);
    }

    /** The text a client that shows only text displays for a file message. */
    public static String fallbackText(MessageKind kind, String fileName) {
        return (kind == MessageKind.IMAGE ? "[image] " : "[file] ") + fileName;
    }
}
