package org.qchat.server.testing.chaos;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Packet;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.SyncState;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.TestClient;
import org.qchat.server.testing.chaos.DeliveryChecker.Kind;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * One simulated user with one device, behaving as protocol.md 11.5 tells a client to: a new
 * message gets a fresh clientMsgId and goes into the outbox; {@code msg.sent} takes it out; after
 * every (re)connect the device resumes its session, syncs, pulls what it lacks and resends the
 * whole outbox with the original clientMsgIds. Sends are pipelined — up to {@code window}
 * {@code msg.send} without a reply — so that a kill finds many of them in flight.
 *
 * <p>Threads: each phase runs on one pool thread. The run reads the bookkeeping only after that
 * thread's phase has ended (a happens-before through the future), except the atomic counters it
 * watches to time the kill, the server in use, and the two concurrent maps of seqs acknowledged
 * and held that a run without reconnects watches while users work.
 */
final class ChaosUser {

    /** Errors after which the message may or may not be stored: resend it with the same clientMsgId. */
    private static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL,
            ErrorCode.RATE_LIMITED);
    /** A live server answers a window of sends in well under a second; this only bounds a hang. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_WRITES_PER_CONNECTION = 5;
    private static final int PAGE = 200;

    /** A message this user created, and what became of it. Touched only by the user's thread. */
    static final class Outgoing {
        final String clientMsgId;
        final long convId;
        final String text;
        final List<MessageSent> acks = new ArrayList<>(1);
        ErrorCode refusal;
        int writes;
        int writesThisConnection;
        boolean awaitingReply;
        int lastWrittenPhase = -1;
        long lastWrittenNanos;
        /** Wall clock of the last write, comparable with the server's commit time in {@code msg.sent}. */
        long lastWrittenMillis;
        int ackPhase = -1;
        /** The kills (1-based) at which this message was written and unanswered. */
        final List<Integer> inFlightAtKills = new ArrayList<>(1);

        Outgoing(String clientMsgId, long convId, String text) {
            this.clientMsgId = clientMsgId;
            this.convId = convId;
            this.text = text;
        }

        /** Written again after a connection ended without its ack. */
        boolean resent() {
            return writes > 1;
        }
    }

    private record Pending(String requestId, Outgoing message) {
    }

    final int index;
    final String username;
    private final SplittableRandom random;
    private final int window;
    private long userId;
    private String token;
    private String device;
    /** Conversations this user writes to (its private ones and the group). */
    final List<Long> conversations = new ArrayList<>();
    final ReceivedMessages received = new ReceivedMessages();
    /** Unacknowledged messages, oldest first: resent after every reconnect. */
    private final Map<String, Outgoing> outbox = new LinkedHashMap<>();
    final List<Outgoing> created = new ArrayList<>();
    /** What the device itself noticed: disagreeing copies, pushes out of order. */
    final List<Violation> observed = new ArrayList<>();
    /** Sends without a claimed reply on the current connection; watched by the run to time a kill. */
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger ackedThisPhase = new AtomicInteger();
    /** Per conversation, the highest seq this user got {@code msg.sent} for. */
    final Map<Long, Long> ackedSeq = new ConcurrentHashMap<>();
    /** Per conversation, the highest seq up to which this device holds every message. */
    final Map<Long, Long> heldSeq = new ConcurrentHashMap<>();
    int unexpectedDisconnects;
    int retryableErrors;
    private TestClient client;
    /** The server the current (or last) connection went to. */
    private volatile ServerProcess connectedTo;
    private Map<Long, Long> lastPushedSeq = new HashMap<>();
    private int nextMessage;

    ChaosUser(int index, String username, SplittableRandom random, int window) {
        this.index = index;
        this.username = username;
        this.random = random;
        this.window = window;
    }

    long userId() {
        return userId;
    }

    /** The current connection, for the set-up steps that need two users (friendship, group). */
    TestClient client() {
        return client;
    }

    /** The server this user's current (or last) connection went to. */
    ServerProcess server() {
        return connectedTo;
    }

    void register(ServerProcess server) {
        connectedTo = server;
        client = server.connect();
        remember(client.register(username));
    }

    private void remember(SessionStarted session) {
        userId = session.user().userId();
        token = session.token();
        device = session.device();
    }

    /**
     * One phase: (re)connect with {@code resume} to the server {@code servers} names for this user
     * (another one than before if that one was killed: failover; its own one again once it is back),
     * resync, then resend the outbox and keep sending new messages until the connection ends — by
     * the kill — or the phase ends otherwise, or (last phase, no new messages) until the outbox is
     * empty. A connection the server ends while not being killed is reopened, as a real client would.
     */
    void runPhase(ChaosPhase phase, ChaosServers servers) {
        Thread.currentThread().setName("chaos-" + username);
        ackedThisPhase.set(0);
        boolean reportedPumping = false;
        while (true) {
            try {
                ServerProcess server = servers.serverFor(index);
                if (client != null && connectedTo != server) {
                    // Back to its own node, which serves again; nothing is unanswered between phases.
                    drainPushes();
                    client.close();
                    client = null;
                }
                if (client == null) {
                    connectedTo = server;
                    client = server.connect();
                    lastPushedSeq = new HashMap<>();
                    remember(client.resume(token, device));
                }
                resync();
                if (!reportedPumping) {
                    reportedPumping = true;
                    phase.pumping.countDown();
                }
                if (pump(phase)) {
                    drainPushes();
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                // After the kill every request fails one way or another; before it, only a
                // connection the server closed is something a client copes with by reconnecting.
                if (!phase.killed(connectedTo) && (client == null || !client.isEof())) {
                    throw e;
                }
            }
            if (client != null) {
                drainPushes();
                client = null;
            }
            if (phase.killed(connectedTo)) {
                return;
            }
            if (++unexpectedDisconnects > 10) {
                throw new AssertionError(username + ": the server closed the connection 10 times without being killed");
            }
        }
    }

    /**
     * Resends the outbox and, if the phase allows, new messages, keeping up to {@code window}
     * requests unanswered. Returns true when there is nothing left to send or wait for (only without
     * new messages), false when the connection ended.
     */
    private boolean pump(ChaosPhase phase) {
        Deque<Outgoing> queue = new ArrayDeque<>(outbox.values());
        queue.forEach(o -> o.writesThisConnection = 0);
        Deque<Pending> unanswered = new ArrayDeque<>();
        int step = 0;
        try {
            while (true) {
                if ((++step & 15) == 0) {
                    drainPushes();
                }
                if (unanswered.size() < window) {
                    Outgoing next = queue.poll();
                    if (next == null && phase.sendNew && !phase.ending()) {
                        next = newMessage();
                    }
                    if (next != null) {
                        String requestId = client.nextId();
                        client.send(new SendMessage(requestId, next.convId, next.clientMsgId, next.text));
                        written(next, phase);
                        unanswered.add(new Pending(requestId, next));
                        continue;
                    }
                }
                Pending oldest = unanswered.peek();
                if (oldest == null) {
                    return true;
                }
                Response reply = awaitReply(oldest.requestId());
                if (reply == null) {
                    return false;
                }
                unanswered.poll();
                onReply(oldest, reply, phase, queue);
            }
        } catch (UncheckedIOException writeFailed) {
            return false;
        } finally {
            // Replies that arrived before the connection ended still count; the rest stay in the outbox.
            for (Pending p : unanswered) {
                client.pollReply(p.requestId()).ifPresent(reply -> onReply(p, reply, phase, null));
            }
            inFlight.set(0);
        }
    }

    private Outgoing newMessage() {
        long convId = conversations.get(random.nextInt(conversations.size()));
        String clientMsgId = "u" + index + "-" + (++nextMessage);
        // Varying lengths, so frames and batches are not all alike.
        String text = "chaos " + clientMsgId + " " + "~".repeat(random.nextInt(64));
        Outgoing message = new Outgoing(clientMsgId, convId, text);
        outbox.put(clientMsgId, message);
        created.add(message);
        return message;
    }

    private void written(Outgoing message, ChaosPhase phase) {
        message.writes++;
        message.writesThisConnection++;
        message.awaitingReply = true;
        message.lastWrittenPhase = phase.number;
        message.lastWrittenNanos = System.nanoTime();
        message.lastWrittenMillis = System.currentTimeMillis();
        inFlight.incrementAndGet();
    }

    /** The reply, or null if the connection ended first. */
    private Response awaitReply(String requestId) {
        try {
            return client.awaitReply(requestId, REPLY_TIMEOUT);
        } catch (AssertionError e) {
            if (client.isEof()) {
                return null;
            }
            throw e;
        }
    }

    private void onReply(Pending pending, Response reply, ChaosPhase phase, Deque<Outgoing> retryQueue) {
        inFlight.decrementAndGet();
        Outgoing message = pending.message();
        message.awaitingReply = false;
        if (reply instanceof MessageSent ack) {
            message.acks.add(ack);
            if (message.ackPhase < 0) {
                message.ackPhase = phase.number;
            }
            outbox.remove(message.clientMsgId);
            ackedThisPhase.incrementAndGet();
            ackedSeq.merge(ack.convId(), ack.seq(), Math::max);
            // The ack says where the message is: the sender holds it as well. Seq 0 comes only from
            // the test-only ack-before-commit server, which does not know the seq yet.
            if (ack.seq() > 0) {
                hold(new MessageInfo(ack.msgId(), ack.convId(), ack.seq(), userId, ack.clientMsgId(), message.text,
                        ack.time()));
            }
        } else if (reply instanceof ErrorReply error && RETRYABLE.contains(error.code())) {
            retryableErrors++;
            if (retryQueue != null && message.writesThisConnection < MAX_WRITES_PER_CONNECTION) {
                retryQueue.add(message);
            }
        } else {
            message.refusal = reply instanceof ErrorReply error ? error.code() : ErrorCode.INTERNAL;
            outbox.remove(message.clientMsgId);
            // Reported by the checker (Kind.REFUSED); the server's words are only printed.
            System.out.printf("[qchat-chaos] %s %s refused: %s%n", username, message.clientMsgId, reply);
        }
    }

    /** {@code sync}, then {@code msg.pull} from the highest seq held without a gap, then {@code sync.ack}. */
    private void resync() {
        SyncState state = client.sync();
        for (ConversationInfo conv : state.conversations()) {
            long from = received.contiguousSeq(conv.convId());
            if (conv.lastSeq() > from) {
                pullUpTo(conv.convId(), from, conv.lastSeq()).forEach(this::hold);
            }
            long upTo = Math.min(received.contiguousSeq(conv.convId()), conv.lastSeq());
            if (upTo > conv.ackSeq()) {
                client.ack(conv.convId(), upTo);
            }
        }
        drainPushes();
    }

    /** The final resync, once every outbox is empty and no one sends any more. */
    void finalResync() {
        resync();
    }

    /**
     * The messages of {@code convId} after {@code afterSeq} up to {@code lastSeq} (the head that
     * {@code sync} reported): later ones come as pushes. Pulling until the server says there is no
     * more would chase the others' sends for as long as they outpace the pages.
     */
    private List<MessageInfo> pullUpTo(long convId, long afterSeq, long lastSeq) {
        List<MessageInfo> all = new ArrayList<>();
        long after = afterSeq;
        while (after < lastSeq) {
            MessagePage page = client.pull(convId, after, PAGE);
            all.addAll(page.messages());
            if (!page.more()) {
                break;
            }
            if (page.messages().isEmpty()) {
                throw new AssertionError("conv " + convId + ": a page with more=true but no messages after seq " + after);
            }
            after = page.messages().get(page.messages().size() - 1).seq();
        }
        return all;
    }

    /** Every message of {@code convId} after {@code afterSeq} that this user may read, in full pages. */
    List<MessageInfo> pullAll(long convId, long afterSeq) {
        return pullUpTo(convId, afterSeq, Long.MAX_VALUE);
    }

    /** Takes the pushes that arrived since; only once this user's phase has ended (the run's thread). */
    void drainPushesAfterPhase() {
        if (client != null) {
            drainPushes();
        }
    }

    private void drainPushes() {
        for (Packet packet : client.takePushes(Packet.class, p -> true)) {
            if (packet instanceof MessagePush push) {
                MessageInfo m = push.message();
                Long last = lastPushedSeq.put(m.convId(), m.seq());
                if (last != null && m.seq() <= last) {
                    observed.add(new Violation(Kind.PUSH_OUT_OF_ORDER, username + ": conv " + m.convId() + " seq "
                            + m.seq() + " pushed after seq " + last + " on one connection"));
                }
                hold(m);
            }
        }
    }

    private void hold(MessageInfo m) {
        received.hold(m).ifPresent(disagreement ->
                observed.add(new Violation(Kind.CONFLICTING_COPY, username + ": " + disagreement)));
        heldSeq.put(m.convId(), received.contiguousSeq(m.convId()));
    }

    /**
     * Counts, and marks as in flight at {@code kill}, the messages written in {@code phase} before
     * {@code nanos} that had no reply when the connection ended. Called after the phase's thread ended.
     */
    int markInFlight(int phase, long nanos, int kill) {
        int n = 0;
        for (Outgoing o : outbox.values()) {
            if (o.awaitingReply && o.lastWrittenPhase == phase && o.lastWrittenNanos - nanos < 0) {
                o.inFlightAtKills.add(kill);
                n++;
            }
        }
        return n;
    }

    List<DeliveryChecker.Sent> sent() {
        List<DeliveryChecker.Sent> out = new ArrayList<>(created.size());
        for (Outgoing o : created) {
            out.add(new DeliveryChecker.Sent(userId, o.convId, o.clientMsgId, o.text, List.copyOf(o.acks), o.refusal));
        }
        return out;
    }

    @Override
    public String toString() {
        return username + "#" + userId;
    }
}
