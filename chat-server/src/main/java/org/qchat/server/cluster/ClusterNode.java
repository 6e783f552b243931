package org.qchat.server.cluster;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.ClusterConfig;
import org.qchat.server.db.Database;
import org.qchat.server.service.MessageViews;
import org.qchat.server.store.RecallStore;
import org.qchat.server.db.Jdbc;
import org.qchat.server.ops.ServerMetrics;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.route.Router;
import org.qchat.server.service.ClusterWrites;
import org.qchat.server.service.MessagePushes;
import org.qchat.server.service.MessageWriter;
import org.qchat.server.service.PresenceService;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.state.StateEditor;
import org.qchat.server.store.message.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server as one node of a cluster. What a node commits it tells the others over one Redis
 * channel (messages, state changes, presence, packets for their users); what it hears it applies
 * on its own inbox thread, in the order heard: state rereads on the writer, pushes through the
 * {@link PushSequencer}. Redis may lose word (it is down, a subscription was cut); the database
 * never does: after every (re)subscription, and every two seconds while Redis is away, a sweep
 * compares each conversation's head and state version in the database with this node's and
 * catches up.
 */
public final class ClusterNode implements ClusterWrites.Link, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    private static final String CHANNEL = "qchat:events";
    private static final long SWEEP_WHILE_DOWN_MILLIS = 2000;
    private static final String HEADS = "SELECT id, last_seq, state_version FROM conversations";
    private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(10);

    /** Publishes an event on the channel (never blocks). */
    interface Publisher {
        String node();

        void publish(ClusterEvent event);
    }

    private final ClusterConfig config;
    private final ChatState state;
    private final Database db;
    private final LocalRouter local;
    private final RedisBus bus;
    private final ClusterPresence presence = new ClusterPresence();
    private final NodeRegistry registry;
    private final ClusterRouter router;
    private final PushSequencer sequencer;
    private final ExecutorService inbox = Executors.newSingleThreadExecutor(r -> daemon(r, "qchat-cluster-inbox"));
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "qchat-cluster"));
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong gapFills = new AtomicLong();
    private final AtomicLong sweeps = new AtomicLong();
    private volatile long lagMillis;
    private volatile long lastSweep;
    private volatile MessageWriter writer;
    private volatile boolean closed;
    private volatile PresenceService presenceService;

    public ClusterNode(ClusterConfig config, ChatState state, MessageLog messages, Database db, LocalRouter local,
                       FrameCodec codec) {
        this.config = config;
        this.state = state;
        this.db = db;
        this.local = local;
        this.bus = new RedisBus(config.redisUri(), config.redisPassword(), CHANNEL,
                json -> onInbox(() -> receive(json)), this::resubscribed);
        Publisher publisher = new Publisher() {
            @Override
            public String node() {
                return config.nodeId();
            }

            @Override
            public void publish(ClusterEvent event) {
                ClusterNode.this.publish(event);
            }
        };
        this.registry = new NodeRegistry(bus, config.nodeId(), config.nodeTimeout(), local::onlineUserIds,
                new NodeRegistry.Listener() {
                    @Override
                    public void nodeUsers(String node, Set<Long> users) {
                        announce(presence.replace(node, users));
                    }

                    @Override
                    public void nodeGone(String node) {
                        announce(presence.gone(node));
                    }
                });
        this.router = new ClusterRouter(local, presence, codec, publisher, this::localPresenceChanged);
        this.sequencer = new PushSequencer(state, messages, new MessageViews(state, messages, db, new RecallStore()), local,
                gapFills::incrementAndGet);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The router the services use: this node's devices and the others'. */
    public Router router() {
        return router;
    }

    /** How committed messages reach this node's devices: in seq order, gaps filled. */
    public MessagePushes pushes() {
        return sequencer;
    }

    /**
     * Before a login binds: a user this node holds no memberships of (registered on another node
     * since this one started) has them read. Anyone else's are current: every membership change
     * moves its conversation's version, which the other node's word or the next sweep brings here,
     * and sends are checked against the database's version anyway. Reading every user here would
     * queue a database read on the writer for each of the thousands of clients that fail over at
     * once when a node dies.
     */
    public LongConsumer beforeLogin() {
        return userId -> {
            if (state.periodsOf(userId).size() > 0) {
                return;
            }
            try {
                writer.reread((refresher, tx) -> refresher.reloadUser(tx, userId)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("cluster: rereading user {} at login failed: {}", userId, e.toString());
            }
        };
    }

    /** Starts beating and listening, once the services exist. */
    public void start(MessageWriter messageWriter, PresenceService presences, ServerMetrics metrics) {
        this.writer = messageWriter;
        this.presenceService = presences;
        metrics.counter("qchat.cluster.published", "events this node published to the other nodes", published::get);
        metrics.counter("qchat.cluster.gap.fills", "messages pushed from the database because word of them was missing",
                gapFills::get);
        metrics.counter("qchat.cluster.sweeps", "comparisons of every conversation with the database", sweeps::get);
        metrics.gauge("qchat.cluster.redis.lag.ms", "milliseconds between another node publishing the last event and this one reading it",
                () -> lagMillis);
        metrics.gauge("qchat.cluster.redis.up", "1 while this node is connected to Redis", () -> bus.isUp() ? 1 : 0);
        metrics.gauge("qchat.cluster.nodes", "nodes that beat at the last heartbeat, this one included",
                () -> registry.liveNodes().size());
        metrics.gauge("qchat.cluster.remote.users", "users online on other nodes", presence::size);
        bus.start();
        // Clients are let in once this node hears the others: what they do from the start (log in,
        // befriend someone on another node) is then told at once, not only at the first beat.
        try {
            if (!bus.awaitConnected(STARTUP_WAIT)) {
                log.warn("cluster: Redis did not answer within {} s; serving this node's clients meanwhile",
                        STARTUP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long every = config.heartbeat().toMillis();
        beats.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
        // Its own timer: a beat comes only every fifth of the node timeout (3 s by default).
        beats.scheduleWithFixedDelay(this::sweepWhileRedisIsAway, SWEEP_WHILE_DOWN_MILLIS, 500, TimeUnit.MILLISECONDS);
        log.info("cluster: node {} of the cluster on {}", config.nodeId(), redacted(config.redisUri()));
    }

    private void beat() {
        boolean wasOk = registry.lastBeatOk();
        registry.beat();
        if (registry.lastBeatOk() && (!wasOk | bus.takeDropped())) {
            // Back on Redis (or on it for the first time), or a publish was lost: what this node
            // committed meanwhile is unknown to the others, who have no gap of their own to notice
            // it by (the last messages of a conversation leave none).
            publish(ClusterEvent.sweep(config.nodeId(), System.currentTimeMillis()));
        }
    }

    /** While Redis is away, word of other nodes' messages comes from the database alone. */
    private void sweepWhileRedisIsAway() {
        if (!bus.isUp() && System.currentTimeMillis() - lastSweep >= SWEEP_WHILE_DOWN_MILLIS) {
            lastSweep = System.currentTimeMillis();
            onInbox(this::sweep);
        }
    }

    @Override
    public void stored(List<MessageInfo> messages) {
        publish(ClusterEvent.messages(config.nodeId(), System.currentTimeMillis(), messages));
    }

    @Override
    public void changed(StateEditor.Touched touched) {
        if (!touched.isEmpty()) {
            publish(ClusterEvent.state(config.nodeId(), System.currentTimeMillis(), List.copyOf(touched.conversations()),
                    List.copyOf(touched.systemUsers()), List.copyOf(touched.blockPairs())));
        }
    }

    private void publish(ClusterEvent event) {
        bus.publish(event.toJson());
        published.incrementAndGet();
    }

    private void localPresenceChanged(long userId, boolean online) {
        if (closed) {
            return; // leaving: the others drop this node's users on its bye
        }
        onBeats(() -> registry.localUser(userId, online));
        publish(ClusterEvent.presence(config.nodeId(), System.currentTimeMillis(), userId, online));
    }

    /** Runs on the inbox thread; dropped once the node is closing. */
    private void onInbox(Runnable task) {
        try {
            inbox.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs on the heartbeat thread; dropped once the node is closing. */
    private void onBeats(Runnable task) {
        try {
            beats.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void receive(String json) {
        ClusterEvent event = ClusterEvent.parse(json);
        if (event == null) {
            log.warn("cluster: ignored a message on {} that is not an event", CHANNEL);
            return;
        }
        if (event.n().equals(config.nodeId())) {
            return;
        }
        lagMillis = Math.max(0, System.currentTimeMillis() - event.at());
        try {
            switch (event.t()) {
                case ClusterEvent.MESSAGES -> messagesStored(event.m());
                case ClusterEvent.STATE -> reread(event.c(), event.u(), event.p());
                case ClusterEvent.ONLINE -> {
                    if (presence.online(event.n(), event.user())) {
                        announce(List.of(new ClusterPresence.Flip(event.user(), true)));
                    }
                }
                case ClusterEvent.OFFLINE -> {
                    if (presence.offline(event.n(), event.user())) {
                        announce(List.of(new ClusterPresence.Flip(event.user(), false)));
                    }
                }
                case ClusterEvent.PACKET -> {
                    byte[] frame = Base64.getDecoder().decode(event.f());
                    if (event.u() == null) {
                        local.sendFrameToAll(frame);
                    } else {
                        local.sendFrameToUsers(event.u(), frame);
                    }
                }
                case ClusterEvent.BYE -> announce(presence.gone(event.n()));
                case ClusterEvent.SWEEP -> sweep();
                default -> log.debug("cluster: ignored an event of type {}", event.t());
            }
        } catch (RuntimeException e) {
            log.warn("cluster: applying a {} event from {} failed: {}", event.t(), event.n(), e.toString());
        }
    }

    private void messagesStored(List<MessageInfo> messages) {
        if (messages == null) {
            return;
        }
        for (MessageInfo m : messages) {
            Conversation conv = state.conversation(m.convId());
            if (conv == null) {
                reread(List.of(m.convId()), null, null);
                conv = state.conversation(m.convId());
            }
            if (conv != null) {
                sequencer.stored(conv, m);
            }
        }
    }

    /** Rereads on the writer and waits, so that what this inbox does next sees the change. */
    private void reread(List<Long> conversations, List<Long> users, List<String> pairs) {
        try {
            writer.reread((refresher, tx) -> refresher.reread(tx, conversations, users, pairs))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("cluster: rereading the state failed: {}", e.toString());
        }
    }

    /** Tells this node's devices of each user whose "online anywhere" flipped. */
    private void announce(List<ClusterPresence.Flip> flips) {
        PresenceService service = presenceService;
        if (flips.isEmpty() || service == null) {
            return;
        }
        onInbox(() -> {
            for (ClusterPresence.Flip flip : flips) {
                if (!local.isOnline(flip.userId())) {
                    try {
                        service.announce(flip.userId(), flip.online());
                    } catch (RuntimeException e) {
                        log.warn("cluster: announcing user {} failed: {}", flip.userId(), e.toString());
                    }
                }
            }
        });
    }

    private void resubscribed() {
        log.info("cluster: subscribed to {}; catching up from the database", CHANNEL);
        onBeats(registry::forgetEpochs);
        onInbox(this::sweep);
    }

    /**
     * Compares every conversation with the database: those whose state version moved are reread,
     * those whose head moved get what this node has not pushed.
     */
    private void sweep() {
        lastSweep = System.currentTimeMillis();
        sweeps.incrementAndGet();
        try {
            List<long[]> rows = db.read(tx -> Jdbc.list(tx.connection(), HEADS,
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}));
            List<Long> stale = new ArrayList<>();
            for (long[] row : rows) {
                Conversation conv = state.conversation(row[0]);
                if (conv == null || conv.stateVersion() != row[2]) {
                    stale.add(row[0]);
                }
            }
            if (!stale.isEmpty()) {
                reread(stale, null, null);
            }
            for (long[] row : rows) {
                Conversation conv = state.conversation(row[0]);
                if (conv != null && (row[1] > conv.lastSeq() || row[1] > pushedSeq(conv))) {
                    sequencer.catchUp(conv, row[1]);
                }
            }
        } catch (RuntimeException e) {
            log.warn("cluster: catching up from the database failed: {}", e.toString());
        }
    }

    private static long pushedSeq(Conversation conv) {
        conv.pushLock().lock();
        try {
            return conv.pushedSeq();
        } finally {
            conv.pushLock().unlock();
        }
    }

    /** For /health: this node, Redis, and the nodes that beat at the last heartbeat. */
    public String healthJson() {
        StringBuilder nodes = new StringBuilder();
        for (String node : registry.liveNodes()) {
            nodes.append(nodes.length() == 0 ? "" : ",").append('"').append(node).append('"');
        }
        return "{\"node\":\"" + config.nodeId() + "\",\"redis\":\"" + (bus.isUp() ? "up" : "down")
                + "\",\"nodes\":[" + nodes + "]}";
    }

    public String nodeId() {
        return config.nodeId();
    }

    /** Leaves the cluster: the others drop this node's users now, not after the timeout. */
    @Override
    public void close() {
        closed = true;
        publish(ClusterEvent.bye(config.nodeId(), System.currentTimeMillis()));
        try {
            beats.submit(registry::leave).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("cluster: leaving failed: {}", e.toString());
        }
        beats.shutdownNow();
        inbox.shutdownNow();
        bus.close();
    }

    private static String redacted(String uri) {
        int at = uri.lastIndexOf('@');
        int scheme = uri.indexOf("://");
        return at > 0 && scheme > 0 ? uri.substring(0, scheme + 3) + "***" + uri.substring(at) : uri;
    }
}
