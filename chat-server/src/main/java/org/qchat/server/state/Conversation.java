package org.qchat.server.state;

import java.util.Arrays;

import org.qchat.protocol.model.ConversationKind;

/**
 * One conversation as the message path sees it: its kind, its two users if private, its current
 * members and its last seq.
 *
 * <p>Threads: changed only by the writer thread ({@code MessageWriter}); read by any thread. A
 * reader sees {@link #lastSeq()} — the last seq whose message is stored — and never a seq the
 * writer has handed out but not yet stored ({@link #decidedSeq}).
 */
public final class Conversation {

    private static final long[] NOBODY = new long[0];

    private final long id;
    private final ConversationKind kind;
    private final long userLo;
    private final long userHi;
    /** The last seq stored; published after the store returned. */
    private volatile long lastSeq;
    /** The last seq handed out, stored or not: the writer's own. */
    private long decidedSeq;
    /** Current members, ascending; always empty for the system conversation, whose members are everyone. */
    private volatile long[] members = NOBODY;
    /**
     * Cluster: the database's {@code state_version} this view of members and blocks was read at; an
     * append commits only while the row still holds it.
     */
    private volatile long stateVersion;
    /** For a group: who of its members may not send (mutes). */
    private volatile SendRules sendRules = SendRules.OPEN;
    /** Cluster: the last seq pushed to this node's devices; pushes go out gapless from here. Under {@link #pushLock}. */
    private long pushedSeq;
    private final java.util.concurrent.locks.ReentrantLock pushLock = new java.util.concurrent.locks.ReentrantLock();

    private Conversation(long id, ConversationKind kind, long userLo, long userHi) {
        this.id = id;
        this.kind = kind;
        this.userLo = userLo;
        this.userHi = userHi;
    }

    public static Conversation ofPrivate(long id, long a, long b) {
        return new Conversation(id, ConversationKind.PRIVATE, Math.min(a, b), Math.max(a, b));
    }

    public static Conversation ofGroup(long id) {
        return new Conversation(id, ConversationKind.GROUP, 0, 0);
    }

    public static Conversation ofSystem(long id) {
        return new Conversation(id, ConversationKind.SYSTEM, 0, 0);
    }

    public long id() {
        return id;
    }

    public ConversationKind kind() {
        return kind;
    }

    /** For a private conversation, the user who is not {@code userId}. */
    public long peerOf(long userId) {
        return userLo == userId ? userHi : userLo;
    }

    /** The last seq whose message is stored; 0 before the first. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Current members, ascending (not to be modified). Empty for the system conversation. */
    public long[] members() {
        return members;
    }

    public boolean hasMember(long userId) {
        return Arrays.binarySearch(members, userId) >= 0;
    }

    /** Writer thread: hands out the next seq. */
    public long nextSeq() {
        return ++decidedSeq;
    }

    /** Writer thread: the last seq handed out. */
    long decidedSeq() {
        return decidedSeq;
    }

    /** Writer thread: the seqs handed out up to here are stored; readers may see them. */
    public synchronized void publish() {
        if (decidedSeq > lastSeq) {
            lastSeq = decidedSeq;
        }
    }

    /** Writer thread: the seqs handed out since the last {@link #publish} were not stored. */
    public synchronized void rollBack() {
        decidedSeq = lastSeq;
    }

    /** Loading and writer thread: the stored head. */
    void setLastSeq(long seq) {
        decidedSeq = seq;
        lastSeq = seq;
        pushedSeq = seq;
    }

    /**
     * Cluster, any thread: messages up to {@code seq} are committed (by this node or another).
     * The head only moves forward.
     */
    public synchronized void advanceTo(long seq) {
        if (seq > lastSeq) {
            lastSeq = seq;
        }
    }

    /** Cluster, writer thread: the next seqs are handed out after the stored head, wherever it was stored. */
    public synchronized void resumeFromHead() {
        decidedSeq = lastSeq;
    }

    /** Who of a group's members may not send; always open for other conversations. */
    public SendRules sendRules() {
        return sendRules;
    }

    void setSendRules(SendRules rules) {
        sendRules = rules;
    }

    public long stateVersion() {
        return stateVersion;
    }

    void setStateVersion(long version) {
        stateVersion = version;
    }

    /**
     * Cluster: held while this node pushes the conversation's messages, so they leave in seq order;
     * the writer holds it from before it appends to the conversation until it pushed what it stored,
     * so word of a later message from another node cannot overtake this node's own pushes.
     */
    public java.util.concurrent.locks.ReentrantLock pushLock() {
        return pushLock;
    }

    /** Cluster, under {@link #pushLock}: the last seq pushed here. */
    public long pushedSeq() {
        return pushedSeq;
    }

    public void setPushedSeq(long seq) {
        pushedSeq = seq;
    }

    /** Writer thread: replaces the members (ascending) after a reload from the database. */
    void setMembers(long[] ascending) {
        members = kind == ConversationKind.SYSTEM || ascending.length == 0 ? NOBODY : ascending;
    }

    void addMember(long userId) {
        if (kind == ConversationKind.SYSTEM) {
            return;
        }
        long[] current = members;
        int at = Arrays.binarySearch(current, userId);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        long[] next = new long[current.length + 1];
        System.arraycopy(current, 0, next, 0, insert);
        next[insert] = userId;
        System.arraycopy(current, insert, next, insert + 1, current.length - insert);
        members = next;
    }

    void removeMember(long userId) {
        long[] current = members;
        int at = Arrays.binarySearch(current, userId);
        if (at < 0) {
            return;
        }
        long[] next = new long[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, current.length - at - 1);
        members = next.length == 0 ? NOBODY : next;
    }
}
