package org.qchat.client.core.model;

import java.util.List;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Quote;

/**
 * What a message carries besides its content: the message it quotes, the group members it mentions
 * (or everyone), and who recalled it, if anyone did (its content is then gone).
 */
public record MessageExtras(Quote replyTo, List<Long> mentions, boolean mentionAll, Long recalledBy) {

    public static final MessageExtras NONE = new MessageExtras(null, List.of(), false, null);

    public MessageExtras {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public static MessageExtras of(MessageInfo m) {
        if (m.replyTo() == null && m.mentions() == null && m.mentionAll() == null && m.recalledBy() == null) {
            return NONE;
        }
        return new MessageExtras(m.replyTo(), m.mentions(), Boolean.TRUE.equals(m.mentionAll()), m.recalledBy());
    }

    /** A message I am sending that quotes {@code replyTo} and mentions {@code mentions}. */
    public static MessageExtras outgoing(Quote replyTo, List<Long> mentions, boolean mentionAll) {
        return new MessageExtras(replyTo, mentions, mentionAll, null);
    }

    public boolean mentions(long userId) {
        return mentionAll || mentions.contains(userId);
    }

    /** These extras once the message was recalled by {@code by}: nothing of its content is left. */
    public MessageExtras recalled(long by) {
        return new MessageExtras(null, List.of(), false, by);
    }

    /** These extras once the message they quote was recalled. */
    public MessageExtras quoteRecalled() {
        Quote q = new Quote(replyTo.seq(), replyTo.senderId(), "", replyTo.kind(), Boolean.TRUE);
        return new MessageExtras(q, mentions, mentionAll, recalledBy);
    }
}
