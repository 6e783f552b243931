package org.qchat.server.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/**
 * Decides a run of send requests against the state in memory, in order, as if they came one at a
 * time: resend or CONFLICT first (one lookup of the run's clientMsgIds in the store), then
 * NOT_FOUND, the system-conversation rules, membership, a group's mutes, and blocks last. A fresh message gets the
 * conversation's next seq. Writer thread only; no database read.
 */
final class AppendDecider {

    private final ChatState state;
    private final MessageLog log;

    AppendDecider(ChatState state, MessageLog log) {
        this.state = state;
        this.log = log;
    }

    /** The decisions for a run, and what to store for it. */
    static final class Run {
        /** Per request, in order: a {@link Fresh}, a {@link SendResult} (earlier duplicate), or a ChatException. */
        final List<Object> decisions;
        final List<Append> appends;
        /** Conversations that handed out seqs: published after the store, rolled back if it fails. */
        final Set<Conversation> touched;

        Run(int size) {
            decisions = new ArrayList<>(size);
            appends = new ArrayList<>(size);
            touched = new LinkedHashSet<>();
        }
    }

    /** A new message: the {@code append}-th of the run's appends, pushed to {@code recipients}. */
    record Fresh(int append, long[] recipients, boolean resend) {
    }

    Run decide(List<SendRequest> requests, long now) {
        Set<ClientKey> keys = new HashSet<>();
        for (SendRequest r : requests) {
            keys.add(new ClientKey(r.senderId(), r.clientMsgId()));
        }
        Map<ClientKey, MessageInfo> earlier = log.findByClientIds(keys);
        Map<ClientKey, Integer> appendedNow = new HashMap<>();
        Run run = new Run(requests.size());
        for (SendRequest r : requests) {
            ClientKey key = new ClientKey(r.senderId(), r.clientMsgId());
            try {
                MessageInfo before = earlier.get(key);
                Integer inRun = appendedNow.get(key);
                if (before != null) {
                    requireSameConversation(before.convId(), r);
                    run.decisions.add(new SendResult(before, null, true));
                    continue;
                }
                if (inRun != null) {
                    requireSameConversation(run.appends.get(inRun).convId(), r);
                    run.decisions.add(new Fresh(inRun, null, true));
                    continue;
                }
                Conversation conv = state.conversation(r.convId());
                if (conv == null) {
                    throw ChatException.notFound("no such conversation");
                }
                authorize(conv, r, now);
                appendedNow.put(key, run.appends.size());
                run.decisions.add(new Fresh(run.appends.size(), conv.kind() == ConversationKind.SYSTEM ? null : conv.members(),
                        false));
                run.appends.add(new Append(r.convId(), conv.nextSeq(), r.senderId(), r.clientMsgId(), r.text(), now, r.kind(),
                        r.file(), r.extras().stored()));
                run.touched.add(conv);
            } catch (ChatException e) {
                run.decisions.add(e);
            }
        }
        return run;
    }

    private static void requireSameConversation(long storedConv, SendRequest r) throws ChatException {
        if (storedConv != r.convId()) {
            throw ChatException.conflict("clientMsgId was already used for another conversation");
        }
    }

    private void authorize(Conversation conv, SendRequest r, long now) throws ChatException {
        if (conv.kind() == ConversationKind.SYSTEM) {
            if (!r.announcement()) {
                throw ChatException.forbidden("announcements are sent with broadcast");
            }
            return;
        }
        if (r.announcement()) {
            throw ChatException.badRequest("broadcast goes to the system conversation only");
        }
        if (!conv.hasMember(r.senderId())) {
            throw ChatException.forbidden(conv.kind() == ConversationKind.PRIVATE
                    ? "you can only message your friends" : "you are not a member of this group");
        }
        if (conv.kind() == ConversationKind.GROUP) {
            String muted = conv.sendRules().refusal(r.senderId(), now);
            if (muted != null) {
                throw ChatException.forbidden(muted);
            }
        }
        if (conv.kind() == ConversationKind.PRIVATE && state.blocks(conv.peerOf(r.senderId()), r.senderId())) {
            throw ChatException.forbidden("this user does not accept your messages");
        }
    }
}
