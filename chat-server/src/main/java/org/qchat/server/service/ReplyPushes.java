package org.qchat.server.service;

import java.util.List;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.Router;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.MembershipPeriod;
import org.qchat.server.store.message.MessageLog;

/**
 * Pushes a message to its recipients with its quote as each may see it: the quoted message's
 * excerpt to members who may read that message, its seq alone to members who joined after it. A
 * quote that arrives unresolved (a message another node stored, or one read back to fill a gap) is
 * read from the log first. Any thread; never blocks on the network.
 */
public final class ReplyPushes {

    private final ChatState state;
    private final MessageLog log;

    public ReplyPushes(ChatState state, MessageLog log) {
        this.state = state;
        this.log = log;
    }

    /** Sends {@code message} to every device of {@code recipients} but {@code except}. */
    public void push(Router target, MessageInfo message, long[] recipients, ClientConnection except) {
        Quote quote = message.replyTo();
        Conversation conv = quote == null ? null : state.conversation(message.convId());
        if (conv == null) {
            target.sendToUsers(recipients, new MessagePush(message), except);
            return;
        }
        MessageInfo full = unresolved(quote) ? message.withReplyTo(read(message.convId(), quote.seq())) : message;
        long[] seeing = new long[recipients.length];
        long[] notSeeing = new long[recipients.length];
        int s = 0;
        int n = 0;
        for (long userId : recipients) {
            if (mayRead(userId, conv, quote.seq())) {
                seeing[s++] = userId;
            } else {
                notSeeing[n++] = userId;
            }
        }
        if (s > 0) {
            target.sendToUsers(java.util.Arrays.copyOf(seeing, s), new MessagePush(full), except);
        }
        if (n > 0) {
            target.sendToUsers(java.util.Arrays.copyOf(notSeeing, n),
                    new MessagePush(message.withReplyTo(Quote.of(quote.seq()))), except);
        }
    }

    private static boolean unresolved(Quote quote) {
        return quote.senderId() == null && quote.recalled() == null;
    }

    private Quote read(long convId, long seq) {
        List<MessageInfo> found = log.range(convId, seq, seq, 1);
        if (found.isEmpty()) {
            return Quote.of(seq);
        }
        MessageInfo quoted = found.get(0);
        return Quote.of(MessageViews.erased(quoted) ? quoted.recalled(quoted.senderId()) : quoted);
    }

    private boolean mayRead(long userId, Conversation conv, long seq) {
        long lastSeq = Math.max(conv.lastSeq(), seq);
        for (MembershipPeriod p : state.periodsOf(userId).in(conv.id())) {
            if (seq >= p.fromSeq() && seq <= p.lastVisible(lastSeq)) {
                return true;
            }
        }
        return false;
    }
}
