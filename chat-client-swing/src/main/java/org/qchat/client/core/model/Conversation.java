package org.qchat.client.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;

/**
 * One conversation's messages and cursors. Stored messages are keyed and ordered by
 * {@code seq}, so a message that arrives twice (by push and by pull) is kept once, and the order
 * is the server's whatever the arrival order. My unacknowledged messages follow, in the order I
 * wrote them.
 *
 * <p>Cursors: {@link #syncedSeq()} — every visible message up to it has been received this run
 * (pulls start after it; what {@code sync.ack} stores as this device's delivered cursor);
 * {@link #readSeq()} — what the user has seen on any of their devices (unread counts start after
 * it; {@code msg.read} stores it, shared by all the user's devices).
 *
 * <p>Also kept: the user's own settings (pinned, muted) and the members' {@link Receipts}.
 */
public final class Conversation {

    /** What happened to a message offered to {@link #accept}. */
    public enum Accepted {
        /** New, and directly after what we held (or an older message from history). */
        ADDED,
        /** New, but messages before it are missing: pull to fill the gap. */
        ADDED_AFTER_GAP,
        /** Already held: ignored. */
        DUPLICATE
    }

    private final long convId;
    private final long myId;
    private final Consumer<Conversation> changed;
    private ConversationKind kind;
    private Long peerId;
    private Long groupId;
    private boolean active = true;
    private final NavigableMap<Long, ChatMessage> stored = new TreeMap<>();
    private final Map<String, ChatMessage> outgoing = new LinkedHashMap<>();
    private long syncedSeq;
    private long readSeq;
    private long ackedSeq;
    private long lastSeq;
    private int skippedUnread;
    private boolean cursorsFromServer;
    private Boolean moreHistory;
    private long peerTypingUntil;
    /** The read cursor the server holds for me, as far as I know. */
    private long readReported;
    private boolean pinned;
    private boolean muted;
    private final Receipts receipts = new Receipts();
    /** Seqs of held messages that mention me: they get a notice even when muted. */
    private final java.util.Set<Long> mentionsOfMe = new java.util.HashSet<>();

    Conversation(long convId, ConversationKind kind, long myId, Consumer<Conversation> changed) {
        this.convId = convId;
        this.kind = kind;
        this.myId = myId;
        this.changed = changed;
    }

    public long convId() {
        return convId;
    }

    /** private, group or system; null until the server told us. */
    public ConversationKind kind() {
        return kind;
    }

    /** For a private conversation, the other user. */
    public Long peerId() {
        return peerId;
    }

    /** For a group conversation, the group (equal to the convId). */
    public Long groupId() {
        return groupId != null ? groupId : kind == ConversationKind.GROUP ? convId : null;
    }

    /** False once the friendship or membership ended: history stays readable, sending is not possible. */
    public boolean isActive() {
        return active;
    }

    public boolean isSystem() {
        return kind == ConversationKind.SYSTEM;
    }

    // ---- metadata and cursors -------------------------------------------------------------

    /**
     * Applies this conversation's entry from {@code sync.state}. The first time in a session the
     * server's cursor seeds ours; later ones only move cursors forward.
     */
    public void applySync(ConversationInfo info) {
        kind = info.kind();
        peerId = info.peerId();
        groupId = info.groupId();
        active = info.active();
        lastSeq = Math.max(lastSeq, info.lastSeq());
        if (!cursorsFromServer) {
            // Messages live in memory only: after a start, what was read is not fetched again, but
            // what arrived on this device and was not read yet is, to be shown and counted.
            syncedSeq = Math.max(syncedSeq, info.readCursor());
        }
        readSeq = Math.max(readSeq, info.readCursor());
        readReported = Math.max(readReported, info.readCursor());
        ackedSeq = Math.max(ackedSeq, info.ackSeq());
        pinned = info.pinnedOn();
        muted = info.muted();
        dropSkippedIfRead();
        cursorsFromServer = true;
        advanceSynced(); // pushes may have brought the messages right after the cursor already
        changed.accept(this);
    }

    /**
     * Applies what a sync said in an earlier run, kept by the local history: the kind, peer and
     * cursors as they were then. Cursors only move forward, and the conversation still waits for
     * this session's {@code sync.state} ({@link #hasServerCursors()} stays false).
     */
    public void restore(ConversationInfo info) {
        kind = info.kind();
        peerId = info.peerId();
        groupId = info.groupId();
        active = info.active();
        lastSeq = Math.max(lastSeq, info.lastSeq());
        readSeq = Math.max(readSeq, info.ackSeq());
        ackedSeq = Math.max(ackedSeq, info.ackSeq());
        changed.accept(this);
    }

    /**
     * Drops every stored message and the cursors they moved: what was restored from disk turned
     * out to be another server's (one started afresh at the same address). The outbox stays.
     */
    public void forgetStored() {
        stored.clear();
        syncedSeq = 0;
        readSeq = 0;
        ackedSeq = 0;
        lastSeq = 0;
        skippedUnread = 0;
        moreHistory = null;
        changed.accept(this);
    }

    /** Sets what we know without a sync (from the friend or group list). */
    public void describe(ConversationKind kind, Long peerId, Long groupId) {
        boolean differs = this.kind != kind || !java.util.Objects.equals(this.peerId, peerId)
                || !java.util.Objects.equals(this.groupId, groupId);
        this.kind = kind;
        this.peerId = peerId;
        this.groupId = groupId;
        if (differs) {
            changed.accept(this);
        }
    }

    public void setActive(boolean active) {
        if (this.active != active) {
            this.active = active;
            changed.accept(this);
        }
    }

    /** Whether a {@code sync.state} entry seeded the cursors already. */
    public boolean hasServerCursors() {
        return cursorsFromServer;
    }

    public long syncedSeq() {
        return syncedSeq;
    }

    public long readSeq() {
        return readSeq;
    }

    /** The cursor last stored on the server with {@code sync.ack}. */
    public long ackedSeq() {
        return ackedSeq;
    }

    public void setAckedSeq(long seq) {
        ackedSeq = Math.max(ackedSeq, seq);
    }

    /** The highest seq known to exist for me. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Where a catch-up pull should start: after everything received this run (or read before it). */
    public long pullFrom() {
        return syncedSeq;
    }

    /** The read cursor the server holds for me, as far as I know. */
    public long readReported() {
        return readReported;
    }

    public void setReadReported(long seq) {
        readReported = Math.max(readReported, seq);
    }

    /**
     * My read cursor moved on another device (a {@code receipt} push for me): what it covers is
     * no longer unread here.
     */
    public void applyOwnRead(long seq) {
        readReported = Math.max(readReported, seq);
        if (seq > readSeq) {
            readSeq = seq;
            dropSkippedIfRead();
            changed.accept(this);
        }
    }

    private void dropSkippedIfRead() {
        if (readSeq >= lastSeq) {
            skippedUnread = 0;
        }
    }

    // ---- settings and receipts ------------------------------------------------------------

    /** Shown at the top of the conversation list. */
    public boolean isPinned() {
        return pinned;
    }

    /** Do not disturb: no sound or notice, except for messages that mention me. */
    public boolean isMuted() {
        return muted;
    }

    /** Applies my settings of this conversation ({@code conv.settings.changed}). */
    public void applySettings(boolean pinned, boolean muted) {
        if (this.pinned != pinned || this.muted != muted) {
            this.pinned = pinned;
            this.muted = muted;
            changed.accept(this);
        }
    }

    /** The members' delivered and read cursors. */
    public Receipts receipts() {
        return receipts;
    }

    /** Another member's cursors moved ({@code receipt} push or {@code receipts.list}). */
    public void applyReceipt(long userId, long delivered, long read) {
        if (receipts.put(userId, delivered, read)) {
            changed.accept(this);
        }
    }

    /** Whether the held message {@code seq} mentions me. */
    public boolean mentionsMe(long seq) {
        return mentionsOfMe.contains(seq);
    }

    /** A pull returned every visible message up to {@code seq}. */
    public void syncedThrough(long seq) {
        syncedSeq = Math.max(syncedSeq, seq);
        lastSeq = Math.max(lastSeq, seq);
        advanceSynced();
    }

    /**
     * Too many unread messages to fetch them all (a new device, a long absence): the latest page
     * was fetched instead; count the rest as unread and treat everything up to {@code lastSeq} as
     * received.
     */
    public void skipTo(long lastSeq, int skippedUnread) {
        this.skippedUnread = Math.max(0, skippedUnread);
        syncedThrough(lastSeq);
        changed.accept(this);
    }

    // ---- messages -------------------------------------------------------------------------

    /**
     * Adds a message from a push, a pull, a history page or a {@code msg.sent}. A message of mine
     * that was in the outbox leaves it.
     */
    public Accepted accept(MessageInfo m) {
        lastSeq = Math.max(lastSeq, m.seq());
        boolean completesOutbox = m.senderId() == myId && outgoing.remove(m.clientMsgId()) != null;
        if (stored.containsKey(m.seq())) {
            if (m.recalledBy() != null) {
                recall(m.seq(), m.recalledBy()); // read again after a recall this device did not hear of
            }
            if (completesOutbox) {
                changed.accept(this);
            }
            return Accepted.DUPLICATE;
        }
        stored.put(m.seq(), ChatMessage.stored(m));
        if (peerId != null && m.senderId() == peerId) {
            peerTypingUntil = 0;
        }
        if (m.senderId() != myId && m.mentions(myId)) {
            mentionsOfMe.add(m.seq());
        }
        boolean gap = m.seq() > syncedSeq + 1;
        advanceSynced();
        changed.accept(this);
        return gap ? Accepted.ADDED_AFTER_GAP : Accepted.ADDED;
    }

    /** Adds older messages from {@code msg.history}; {@code more} says whether even older ones exist. */
    public void acceptHistory(List<MessageInfo> page, boolean more) {
        for (MessageInfo m : page) {
            if (m.senderId() == myId) {
                outgoing.remove(m.clientMsgId());
            }
            ChatMessage held = stored.putIfAbsent(m.seq(), ChatMessage.stored(m));
            if (held != null && m.recalledBy() != null && !held.isRecalled()) {
                stored.put(m.seq(), held.recalled(m.recalledBy()));
            }
            lastSeq = Math.max(lastSeq, m.seq());
        }
        moreHistory = more && !(oldestSeq() == 1);
        changed.accept(this);
    }

    /**
     * Puts a newer version of a held message in its place (recalled, edited on the server).
     *
     * @return false if the message is not held
     */
    public boolean replaceStored(MessageInfo m) {
        if (!stored.containsKey(m.seq())) {
            return false;
        }
        stored.put(m.seq(), ChatMessage.stored(m));
        changed.accept(this);
        return true;
    }

    private void advanceSynced() {
        while (stored.containsKey(syncedSeq + 1)) {
            syncedSeq++;
        }
    }

    /** Puts a message I am writing into the outbox (shown as sending). */
    public void addOutgoing(ChatMessage message) {
        outgoing.put(message.clientMsgId(), message);
        changed.accept(this);
    }

    /** Changes the delivery state of an outbox message. */
    public void setOutgoingState(String clientMsgId, DeliveryState state, String errorKey) {
        ChatMessage m = outgoing.get(clientMsgId);
        if (m != null && (m.state() != state || !java.util.Objects.equals(m.errorKey(), errorKey))) {
            outgoing.put(clientMsgId, m.withState(state, errorKey));
            changed.accept(this);
        }
    }

    /** Shows what an upload learned of its file (its size, its hash) in the outbox message. */
    public void setOutgoingFile(String clientMsgId, FileInfo file) {
        ChatMessage m = outgoing.get(clientMsgId);
        if (m != null && !java.util.Objects.equals(m.file(), file)) {
            outgoing.put(clientMsgId, m.withFile(file));
            changed.accept(this);
        }
    }

    /** Takes a message of mine that will never be sent (its upload was cancelled) out of the outbox. */
    public void removeOutgoing(String clientMsgId) {
        if (outgoing.remove(clientMsgId) != null) {
            changed.accept(this);
        }
    }

    public Optional<ChatMessage> outgoing(String clientMsgId) {
        return Optional.ofNullable(outgoing.get(clientMsgId));
    }

    /** Outbox messages in the order they were written. */
    public List<ChatMessage> outbox() {
        return List.copyOf(outgoing.values());
    }

    /** Everything to show: stored messages by seq, then my unacknowledged ones. */
    public List<ChatMessage> messages() {
        List<ChatMessage> all = new ArrayList<>(stored.size() + outgoing.size());
        all.addAll(stored.values());
        all.addAll(outgoing.values());
        return all;
    }

    public int storedCount() {
        return stored.size();
    }

    public Optional<ChatMessage> stored(long seq) {
        return Optional.ofNullable(stored.get(seq));
    }

    /** The lowest seq held, or 0 if none. */
    public long oldestSeq() {
        return stored.isEmpty() ? 0 : stored.firstKey();
    }

    /** The highest seq held, or 0 if none. */
    public long newestSeq() {
        return stored.isEmpty() ? 0 : stored.lastKey();
    }

    /** The last message to show in a "recent" list, if any. */
    public Optional<ChatMessage> lastMessage() {
        if (!outgoing.isEmpty()) {
            ChatMessage last = null;
            for (ChatMessage m : outgoing.values()) {
                last = m;
            }
            return Optional.of(last);
        }
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored.lastEntry().getValue());
    }

    /** When something last happened here (epoch ms), for ordering recent conversations. */
    public long lastActivity() {
        return lastMessage().map(ChatMessage::time).orElse(0L);
    }

    /** Whether older messages may exist on the server: null until a history page told us. */
    public Boolean moreHistory() {
        if (!stored.isEmpty() && stored.firstKey() == 1) {
            return false;
        }
        return moreHistory;
    }

    // ---- replies, mentions, recall, typing ------------------------------------------------

    /**
     * Message {@code seq} was recalled by {@code by}: it shows as recalled, and so do quotes of it.
     * A message not held yet arrives recalled when it is pulled.
     */
    public void recall(long seq, long by) {
        boolean any = false;
        ChatMessage m = stored.get(seq);
        if (m != null && !m.isRecalled()) {
            stored.put(seq, m.recalled(by));
            any = true;
        }
        for (Map.Entry<Long, ChatMessage> e : stored.entrySet()) {
            ChatMessage reply = e.getValue();
            if (reply.replyTo() != null && reply.replyTo().seq() == seq && !Boolean.TRUE.equals(reply.replyTo().recalled())) {
                e.setValue(reply.withExtras(reply.extras().quoteRecalled()));
                any = true;
            }
        }
        if (any) {
            changed.accept(this);
        }
    }

    /** Whether {@code message} mentions me (by name or everyone), so it may notify even where others do not. */
    public boolean mentionsMe(ChatMessage message) {
        return message.senderId() != myId && message.mentions(myId);
    }

    /** Whether an unread message mentions me: the conversation list shows "[@me]" until it is read. */
    public boolean hasUnreadMention() {
        for (ChatMessage m : stored.tailMap(readSeq, false).values()) {
            if (mentionsMe(m)) {
                return true;
            }
        }
        return false;
    }

    /** The peer of this private conversation is typing: show it until {@code until} (epoch ms) or their next message. */
    public void peerTyping(long until) {
        peerTypingUntil = until;
        changed.accept(this);
    }

    /** Until when (epoch ms) the peer shows as typing; 0 if not. */
    public long peerTypingUntil() {
        return peerTypingUntil;
    }

    /** Whether the peer was typing at {@code now}. */
    public boolean isPeerTyping(long now) {
        return now < peerTypingUntil;
    }

    // ---- unread ---------------------------------------------------------------------------

    /**
     * Messages from others after {@link #readSeq()}. A group's system lines and recalled messages
     * are shown but not counted, as in QQ: there is nothing in them to read.
     */
    public int unreadCount() {
        int count = skippedUnread;
        for (ChatMessage m : stored.tailMap(readSeq, false).values()) {
            if (m.senderId() != myId && !m.isSystemLine() && !m.isRecalled()) {
                count++;
            }
        }
        return count;
    }

    /**
     * The user has seen everything held.
     *
     * @return true if the read cursor moved (an acknowledgement is due)
     */
    public boolean markRead() {
        long newest = Math.max(newestSeq(), syncedSeq);
        boolean moved = newest > readSeq || skippedUnread > 0;
        if (moved) {
            readSeq = Math.max(readSeq, newest);
            skippedUnread = 0;
            changed.accept(this);
        }
        return moved;
    }

    @Override
    public String toString() {
        return "Conversation[" + convId + " " + kind + " held=" + stored.size() + " synced=" + syncedSeq
                + " read=" + readSeq + "]";
    }
}
