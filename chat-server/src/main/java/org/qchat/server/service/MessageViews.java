package org.qchat.server.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Quote;
import org.qchat.server.db.Database;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.MembershipPeriod;
import org.qchat.server.store.RecallStore;
import org.qchat.server.store.message.MessageLog;

/**
 * Stored messages as one reader sees them: a recalled message as {@link MessageInfo#recalled}, and
 * each reply's quote read from the quoted message now (so a recall shows in every quote of it), or
 * the quoted seq alone where the reader may not read that message. Worker threads: reads the message
 * log, and the database only for pages holding recalled messages.
 */
public final class MessageViews {

    /** Quoted seqs at most this far apart are read with one range read. */
    private static final int QUOTE_RUN = 64;

    private final ChatState state;
    private final MessageLog log;
    private final Database db;
    private final RecallStore recalls;

    public MessageViews(ChatState state, MessageLog log, Database db, RecallStore recalls) {
        this.state = state;
        this.log = log;
        this.db = db;
        this.recalls = recalls;
    }

    /** A recall erases a message's text in place; no stored message has an empty text otherwise. */
    static boolean erased(MessageInfo m) {
        return m.recalledBy() == null && m.text().isEmpty();
    }

    /** {@code page} (messages of {@code convId}) as {@code userId} reads it, in the same order. */
    public List<MessageInfo> asRead(long userId, long convId, List<MessageInfo> page) {
        List<MessageInfo> out = withRecalls(convId, page);
        TreeSet<Long> quoted = new TreeSet<>();
        for (MessageInfo m : out) {
            if (m.replyTo() != null) {
                quoted.add(m.replyTo().seq());
            }
        }
        if (quoted.isEmpty()) {
            return out;
        }
        Conversation conv = state.conversation(convId);
        Map<Long, MessageInfo> originals = conv == null ? Map.of() : readVisible(userId, conv, quoted);
        List<MessageInfo> resolved = new ArrayList<>(out.size());
        for (MessageInfo m : out) {
            if (m.replyTo() == null) {
                resolved.add(m);
            } else {
                MessageInfo original = originals.get(m.replyTo().seq());
                resolved.add(m.withReplyTo(original == null ? Quote.of(m.replyTo().seq()) : Quote.of(original)));
            }
        }
        return resolved;
    }

    /** Message {@code seq} of {@code conv} as {@code userId} reads it, or null if it is not stored or not visible. */
    public MessageInfo visible(long userId, Conversation conv, long seq) {
        if (!canRead(userId, conv, seq)) {
            return null;
        }
        List<MessageInfo> found = withRecalls(conv.id(), log.range(conv.id(), seq, seq, 1));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether {@code seq} of {@code conv} lies in one of the user's periods there. In memory. */
    public boolean canRead(long userId, Conversation conv, long seq) {
        long lastSeq = conv.lastSeq();
        if (seq < 1 || seq > lastSeq) {
            return false;
        }
        for (MembershipPeriod p : state.periodsOf(userId).in(conv.id())) {
            if (seq >= p.fromSeq() && seq <= p.lastVisible(lastSeq)) {
                return true;
            }
        }
        return false;
    }

    private Map<Long, MessageInfo> readVisible(long userId, Conversation conv, TreeSet<Long> seqs) {
        List<Long> wanted = new ArrayList<>();
        for (long seq : seqs) {
            if (canRead(userId, conv, seq)) {
                wanted.add(seq);
            }
        }
        List<MessageInfo> read = new ArrayList<>();
        int i = 0;
        while (i < wanted.size()) {
            long from = wanted.get(i);
            int j = i;
            while (j + 1 < wanted.size() && wanted.get(j + 1) - from < QUOTE_RUN) {
                j++;
            }
            long to = wanted.get(j);
            for (MessageInfo m : log.range(conv.id(), from, to, (int) (to - from + 1))) {
                if (seqs.contains(m.seq())) {
                    read.add(m);
                }
            }
            i = j + 1;
        }
        Map<Long, MessageInfo> bySeq = new HashMap<>();
        for (MessageInfo m : withRecalls(conv.id(), read)) {
            bySeq.put(m.seq(), m);
        }
        return bySeq;
    }

    /**
     * {@code messages} of {@code convId} as read from the log, with every recalled one shown as
     * recalled (who recalled it, from the recalls table) rather than as an empty text.
     */
    public List<MessageInfo> withRecalls(long convId, List<MessageInfo> messages) {
        List<Long> erased = new ArrayList<>();
        for (MessageInfo m : messages) {
            if (erased(m)) {
                erased.add(m.seq());
            }
        }
        if (erased.isEmpty()) {
            return messages;
        }
        Map<Long, Long> by = db.read(tx -> recalls.recalledBy(tx, convId, erased));
        List<MessageInfo> out = new ArrayList<>(messages.size());
        for (MessageInfo m : messages) {
            out.add(erased(m) ? m.recalled(by.getOrDefault(m.seq(), m.senderId())) : m);
        }
        return out;
    }
}
