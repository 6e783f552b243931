package org.qchat.server.cluster;

import java.util.List;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.service.MessagePushes;
import org.qchat.server.service.MessageViews;
import org.qchat.server.service.ReplyPushes;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.message.MessageLog;

/**
 * Pushes each conversation's messages to this node's devices in seq order with no gap, whichever
 * node stored them and in whatever order word of them arrives. Per conversation it remembers the
 * last seq pushed; a message further ahead first has the seqs between read from the database and
 * pushed (they are committed: a seq is handed out under the conversation row's lock only after the
 * one before it committed); one at or below it was pushed already and is dropped.
 */
final class PushSequencer implements MessagePushes {

    /** Messages read per round trip when filling a gap. */
    private static final int FILL_PAGE = 200;

    private final ChatState state;
    private final MessageLog messages;
    private final LocalRouter local;
    private final Runnable onGapFilled;
    private final ReplyPushes replies;
    /** Shows a recalled message read back from the database as recalled, not as an empty text. */
    private final MessageViews views;

    /**
     * @param views       shows messages read back from the database as their readers see them
     * @param onGapFilled told of every message pushed from the database rather than from word of it
     */
    PushSequencer(ChatState state, MessageLog messages, MessageViews views, LocalRouter local, Runnable onGapFilled) {
        this.state = state;
        this.messages = messages;
        this.views = views;
        this.local = local;
        this.onGapFilled = onGapFilled;
        this.replies = new ReplyPushes(state, messages);
    }

    /** Stored by this node: pushed to {@code recipients} (null: everyone) but {@code except}. */
    @Override
    public void committed(MessageInfo message, long[] recipients, ClientConnection except) {
        Conversation conv = state.conversation(message.convId());
        if (conv != null) {
            offer(conv, message, recipients, except);
        }
    }

    /** Stored by another node: pushed to the conversation's members here. */
    void stored(Conversation conv, MessageInfo message) {
        offer(conv, message, null, null);
        conv.advanceTo(message.seq());
    }

    /** The database holds the conversation up to {@code head}: push what this node has not. */
    void catchUp(Conversation conv, long head) {
        conv.pushLock().lock();
        try {
            if (head > conv.pushedSeq()) {
                fill(conv, conv.pushedSeq() + 1, head);
                conv.setPushedSeq(head);
            }
        } finally {
            conv.pushLock().unlock();
        }
        conv.advanceTo(head);
    }

    private void offer(Conversation conv, MessageInfo message, long[] recipients, ClientConnection except) {
        conv.pushLock().lock();
        try {
            long pushed = conv.pushedSeq();
            if (message.seq() <= pushed) {
                return;
            }
            if (message.seq() > pushed + 1) {
                fill(conv, pushed + 1, message.seq() - 1);
            }
            push(conv, message, recipients, except);
            conv.setPushedSeq(message.seq());
        } finally {
            conv.pushLock().unlock();
        }
    }

    private void fill(Conversation conv, long from, long to) {
        if (!anyoneHere(conv)) {
            return;
        }
        long next = from;
        while (next <= to) {
            List<MessageInfo> page = views.withRecalls(conv.id(), messages.range(conv.id(), next, to, FILL_PAGE));
            if (page.isEmpty()) {
                return;
            }
            for (MessageInfo m : page) {
                push(conv, m, null, null);
                onGapFilled.run();
            }
            next = page.get(page.size() - 1).seq() + 1;
        }
    }

    private boolean anyoneHere(Conversation conv) {
        if (conv.kind() == ConversationKind.SYSTEM) {
            return local.onlineUserCount() > 0;
        }
        for (long member : conv.members()) {
            if (local.isOnline(member)) {
                return true;
            }
        }
        return false;
    }

    private void push(Conversation conv, MessageInfo message, long[] recipients, ClientConnection except) {
        if (conv.kind() == ConversationKind.SYSTEM) {
            local.sendToAll(new MessagePush(message), except);
        } else {
            replies.push(local, message, recipients != null ? recipients : conv.members(), except);
        }
    }
}
