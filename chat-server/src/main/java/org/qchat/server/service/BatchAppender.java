package org.qchat.server.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.service.MessageWriter.Append;
import org.qchat.server.service.MessageWriter.Stored;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.BlockStore.Block;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.MessageStore;
import org.qchat.server.store.MessageStore.ClientKey;
import org.qchat.server.store.MessageStore.Draft;

/**
 * Writes one batch of appends inside the writer's transaction with a fixed number of statements,
 * whatever the batch holds: one lookup of earlier clientMsgIds, one lock of every conversation
 * involved, one read of their members, one of the blocks that matter, one batch insert and one
 * batch update of last seqs. Per message that replaces a lookup, a lock, two membership reads, a
 * block check, an insert and an update.
 *
 * <p>Everything is read after the conversations are locked, exactly as the single-message path
 * did, so what it reads is what a per-message check under the same locks would have read; it is
 * used for this batch only and dropped with it (no cache outlives the transaction). Appends are
 * decided in batch order, so seqs, resends within the batch and error precedence are those of
 * writing them one by one: resend or CONFLICT first, then NOT_FOUND, the system-conversation
 * rules, membership, and blocks last.
 */
final class BatchAppender {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final BlockStore blocks;

    BatchAppender(ConversationStore conversations, MessageStore messages, BlockStore blocks) {
        this.conversations = conversations;
        this.messages = messages;
        this.blocks = blocks;
    }

    /** The outcome of each append, in order: a {@link Stored}, or the {@link ChatException} that refused it. */
    List<Object> append(Connection c, List<Append> batch, long now) throws SQLException {
        Map<ClientKey, MessageInfo> earlier = messages.findByClientIds(c, keysOf(batch));
        Map<Long, ConversationState> locked = lock(c, batch, earlier);
        Set<Block> blocked = blocksAmong(c, batch, earlier, locked);

        List<Object> decisions = new ArrayList<>(batch.size());
        List<Draft> drafts = new ArrayList<>();
        Map<ClientKey, Integer> draftedNow = new HashMap<>();
        for (Append a : batch) {
            ClientKey key = new ClientKey(a.senderId(), a.clientMsgId());
            Integer drafted = draftedNow.get(key);
            try {
                MessageInfo before = earlier.get(key);
                long beforeConv = before != null ? before.convId() : drafted != null ? drafts.get(drafted).convId() : -1;
                if (beforeConv != -1) {
                    if (beforeConv != a.convId()) {
                        throw ChatException.conflict("clientMsgId was already used for another conversation");
                    }
                    decisions.add(before != null ? new Stored(before, List.of(), true) : new Resend(drafted));
                    continue;
                }
                ConversationState conv = locked.get(a.convId());
                if (conv == null) {
                    throw ChatException.notFound("no such conversation");
                }
                authorize(conv, a, blocked);
                draftedNow.put(key, drafts.size());
                decisions.add(new Fresh(drafts.size(), conv));
                drafts.add(new Draft(a.convId(), ++conv.lastSeq, a.senderId(), a.clientMsgId(), a.text(), now));
            } catch (ChatException e) {
                decisions.add(e);
            }
        }

        List<MessageInfo> stored = messages.insertAll(c, drafts);
        Map<Long, Long> lastSeqs = new HashMap<>();
        for (ConversationState conv : locked.values()) {
            if (conv.lastSeq != conv.record.lastSeq()) {
                lastSeqs.put(conv.record.id(), conv.lastSeq);
            }
        }
        conversations.setLastSeqs(c, lastSeqs);

        List<Object> outcomes = new ArrayList<>(batch.size());
        for (Object d : decisions) {
            if (d instanceof Fresh fresh) {
                outcomes.add(new Stored(stored.get(fresh.draft()), fresh.conv().recipients(), false));
            } else if (d instanceof Resend resend) {
                outcomes.add(new Stored(stored.get(resend.draft()), List.of(), true));
            } else {
                outcomes.add(d);
            }
        }
        return outcomes;
    }

    private static Set<ClientKey> keysOf(List<Append> batch) {
        Set<ClientKey> keys = new HashSet<>();
        for (Append a : batch) {
            keys.add(new ClientKey(a.senderId(), a.clientMsgId()));
        }
        return keys;
    }

    /**
     * Locks every conversation a new message may go to and reads the current members of those that
     * have members of their own (all but the system conversation).
     */
    private Map<Long, ConversationState> lock(Connection c, List<Append> batch, Map<ClientKey, MessageInfo> earlier)
            throws SQLException {
        Set<Long> convIds = new HashSet<>();
        for (Append a : batch) {
            if (!earlier.containsKey(new ClientKey(a.senderId(), a.clientMsgId()))) {
                convIds.add(a.convId());
            }
        }
        if (convIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ConversationState> locked = new LinkedHashMap<>();
        List<Long> withMembers = new ArrayList<>();
        for (ConversationRecord record : conversations.lockAll(c, convIds).values()) {
            locked.put(record.id(), new ConversationState(record));
            if (record.kind() != ConversationKind.SYSTEM) {
                withMembers.add(record.id());
            }
        }
        if (!withMembers.isEmpty()) {
            Map<Long, List<Long>> members = conversations.activeMemberIds(c, withMembers);
            for (long convId : withMembers) {
                locked.get(convId).setMembers(members.getOrDefault(convId, List.of()));
            }
        }
        return locked;
    }

    /** The blocks that could refuse a private message of this batch: peer blocks sender, sender a member. */
    private Set<Block> blocksAmong(Connection c, List<Append> batch, Map<ClientKey, MessageInfo> earlier,
                                   Map<Long, ConversationState> locked) throws SQLException {
        Set<Block> candidates = new HashSet<>();
        for (Append a : batch) {
            ConversationState conv = locked.get(a.convId());
            if (conv != null && conv.record.kind() == ConversationKind.PRIVATE && conv.isMember(a.senderId())
                    && !earlier.containsKey(new ClientKey(a.senderId(), a.clientMsgId()))) {
                candidates.add(new Block(conv.record.peerOf(a.senderId()), a.senderId()));
            }
        }
        return candidates.isEmpty() ? Set.of() : blocks.existing(c, candidates);
    }

    private static void authorize(ConversationState conv, Append a, Set<Block> blocked) throws ChatException {
        ConversationRecord record = conv.record;
        if (record.kind() == ConversationKind.SYSTEM) {
            if (!a.announcement()) {
                throw ChatException.forbidden("announcements are sent with broadcast");
            }
            return;
        }
        if (a.announcement()) {
            throw ChatException.badRequest("broadcast goes to the system conversation only");
        }
        if (!conv.isMember(a.senderId())) {
            throw ChatException.forbidden(record.kind() == ConversationKind.PRIVATE
                    ? "you can only message your friends" : "you are not a member of this group");
        }
        if (record.kind() == ConversationKind.PRIVATE && blocked.contains(new Block(record.peerOf(a.senderId()), a.senderId()))) {
            throw ChatException.forbidden("this user does not accept your messages");
        }
    }

    /** A new message: the {@code draft}-th insert of the batch, to {@code conv}. */
    private record Fresh(int draft, ConversationState conv) {
    }

    /** A resend of a message stored earlier in this same batch (the {@code draft}-th insert). */
    private record Resend(int draft) {
    }

    /** What the batch knows of one locked conversation. */
    private static final class ConversationState {
        final ConversationRecord record;
        long lastSeq;
        private List<Long> members;
        private Set<Long> memberSet;

        ConversationState(ConversationRecord record) {
            this.record = record;
            this.lastSeq = record.lastSeq();
        }

        void setMembers(List<Long> members) {
            this.members = members;
            this.memberSet = new HashSet<>(members);
        }

        boolean isMember(long userId) {
            return memberSet != null && memberSet.contains(userId);
        }

        /** Who gets the push: the current members, or null (everyone) for the system conversation. */
        List<Long> recipients() {
            return record.kind() == ConversationKind.SYSTEM ? null : members;
        }
    }
}
