package org.qchat.client.core.model;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.SystemEvent;

/**
 * One message as a conversation view shows it. A stored message has its server {@code seq}; a
 * message of mine still in the outbox has {@code seq} 0 and is keyed by its clientMsgId.
 *
 * <p>An image or file message has {@code kind} {@link MessageKind#IMAGE} or {@link MessageKind#FILE}
 * and its {@code file}; its {@code text} is then only the server's fallback ("[image] cat.png"):
 * views draw the file, and previews use their own words for it. A file of mine still being
 * uploaded has a {@code file} without {@code fileId} (it is not hashed or not stored yet).
 *
 * @param errorKey for {@link DeliveryState#FAILED}, the message key saying why; otherwise null
 * @param kind     {@link MessageKind#TEXT} for text (never null)
 * @param file     for images and files, the file; null for text
 * @param extras   its quote, mentions and recall ({@link MessageExtras#NONE} for none)
 * @param system   for a group's system line ({@link MessageKind#SYSTEM}), the change it records; else null
 */
public record ChatMessage(long convId, long seq, long senderId, String clientMsgId, String text, long time,
                          DeliveryState state, String errorKey, MessageKind kind, FileInfo file, MessageExtras extras,
                          SystemEvent system) {

    public ChatMessage {
        kind = kind == null ? MessageKind.TEXT : kind;
        extras = extras == null ? MessageExtras.NONE : extras;
    }

    /** A message that is not a system line. */
    public ChatMessage(long convId, long seq, long senderId, String clientMsgId, String text, long time,
                       DeliveryState state, String errorKey, MessageKind kind, FileInfo file, MessageExtras extras) {
        this(convId, seq, senderId, clientMsgId, text, time, state, errorKey, kind, file, extras, null);
    }

    /** A message without quote, mentions or recall. */
    public ChatMessage(long convId, long seq, long senderId, String clientMsgId, String text, long time,
                       DeliveryState state, String errorKey, MessageKind kind, FileInfo file) {
        this(convId, seq, senderId, clientMsgId, text, time, state, errorKey, kind, file, MessageExtras.NONE);
    }

    /** A text message. */
    public ChatMessage(long convId, long seq, long senderId, String clientMsgId, String text, long time,
                       DeliveryState state, String errorKey) {
        this(convId, seq, senderId, clientMsgId, text, time, state, errorKey, MessageKind.TEXT, null);
    }

    public static ChatMessage stored(MessageInfo m) {
        if (m.kind() == MessageKind.SYSTEM && m.system() != null) {
            return new ChatMessage(m.convId(), m.seq(), m.senderId(), m.clientMsgId(), m.text(), m.time(),
                    DeliveryState.SENT, null, MessageKind.SYSTEM, null, MessageExtras.NONE, m.system());
        }
        // A file message without its file (a server bug, or a newer kind) can only be shown as text.
        MessageKind kind = m.file() == null ? MessageKind.TEXT : m.kindOrText();
        return new ChatMessage(m.convId(), m.seq(), m.senderId(), m.clientMsgId(), m.text(), m.time(),
                DeliveryState.SENT, null, kind, kind == MessageKind.TEXT ? null : m.file(), MessageExtras.of(m));
    }

    public static ChatMessage outgoing(long convId, long myId, String clientMsgId, String text, long now) {
        return new ChatMessage(convId, 0, myId, clientMsgId, text, now, DeliveryState.SENDING, null);
    }

    /** An image or file of mine, shown at once while it uploads. */
    public static ChatMessage outgoingFile(long convId, long myId, String clientMsgId, MessageKind kind, FileInfo file,
                                           long now) {
        return new ChatMessage(convId, 0, myId, clientMsgId, MessageInfo.fallbackText(kind, file.name()), now,
                DeliveryState.SENDING, null, kind, file);
    }

    public boolean isStored() {
        return seq > 0;
    }

    /** Whether this is an image or a file rather than text. */
    public boolean hasFile() {
        return kind != MessageKind.TEXT && file != null;
    }

    /** Whether this is a group's system line (a change to the group), not something a member wrote. */
    public boolean isSystemLine() {
        return kind == MessageKind.SYSTEM && system != null;
    }

    /** Stable identity within a conversation: the seq once stored, the clientMsgId before. */
    public String key() {
        return isStored() ? "seq:" + seq : "out:" + clientMsgId;
    }

    public ChatMessage withState(DeliveryState state, String errorKey) {
        return new ChatMessage(convId, seq, senderId, clientMsgId, text, time, state, errorKey, kind, file, extras, system);
    }

    public ChatMessage withFile(FileInfo file) {
        return new ChatMessage(convId, seq, senderId, clientMsgId, text, time, state, errorKey, kind, file, extras, system);
    }

    public ChatMessage withExtras(MessageExtras extras) {
        return new ChatMessage(convId, seq, senderId, clientMsgId, text, time, state, errorKey, kind, file, extras, system);
    }

    /** This message once {@code by} recalled it: its text, file, quote and mentions gone. */
    public ChatMessage recalled(long by) {
        return new ChatMessage(convId, seq, senderId, clientMsgId, MessageInfo.RECALLED_TEXT, time, state, errorKey,
                MessageKind.TEXT, null, extras.recalled(by));
    }

    /** Whether someone recalled it. */
    public boolean isRecalled() {
        return extras.recalledBy() != null;
    }

    /** The message this one quotes, or null. */
    public Quote replyTo() {
        return extras.replyTo();
    }

    /** Whether this message mentions {@code userId} by name or mentions everyone (notifications use it). */
    public boolean mentions(long userId) {
        return !isRecalled() && extras.mentions(userId);
    }
}
