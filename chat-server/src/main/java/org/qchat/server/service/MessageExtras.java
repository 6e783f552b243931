package org.qchat.server.service;

import org.qchat.protocol.model.Quote;
import org.qchat.server.store.message.MessageLog;

/**
 * What a message carries besides its text or file, once checked: what the store keeps
 * ({@code stored}) and the quote as the sender read it, pushed with the message ({@code quote}, null
 * when it replies to nothing).
 */
public record MessageExtras(MessageLog.Extras stored, Quote quote) {

    public static final MessageExtras NONE = new MessageExtras(MessageLog.Extras.NONE, null);

    public MessageExtras {
        stored = stored == null ? MessageLog.Extras.NONE : stored;
    }
}
