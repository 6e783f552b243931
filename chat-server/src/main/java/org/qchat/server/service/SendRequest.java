package org.qchat.server.service;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/**
 * A message someone asked to store, before the writer checked it. {@code announcement} allows the
 * system conversation (administrators, through {@code broadcast}). An image or file message has its
 * {@code kind} and {@code file}, and its fallback as {@code text}; a text message has neither.
 * {@code extras}: its reply and mentions, already checked.
 */
public record SendRequest(long senderId, long convId, String clientMsgId, String text, boolean announcement,
                          MessageKind kind, FileInfo file, MessageExtras extras) {

    public SendRequest {
        extras = extras == null ? MessageExtras.NONE : extras;
    }

    /** An image, file or text message without reply or mentions. */
    public SendRequest(long senderId, long convId, String clientMsgId, String text, boolean announcement,
                       MessageKind kind, FileInfo file) {
        this(senderId, convId, clientMsgId, text, announcement, kind, file, MessageExtras.NONE);
    }

    /** A text message. */
    public SendRequest(long senderId, long convId, String clientMsgId, String text, boolean announcement) {
        this(senderId, convId, clientMsgId, text, announcement, null, null);
    }
}
