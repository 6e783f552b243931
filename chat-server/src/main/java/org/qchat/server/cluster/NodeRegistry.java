package org.qchat.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of the cluster, kept in Redis by heartbeats: each node sets its key
 * ({@code qchat:node:<id>}, expiring after the node timeout) and adds itself to
 * {@code qchat:nodes}; its online users are the set {@code qchat:node:<id>:users}. A node whose
 * key expired (killed, cut off) is gone: every node drops its users, and the first to see it
 * removes its entries. The key's value is the node's user-set epoch: it changes whenever the node
 * writes its whole set again (at start, and when Redis lost it), telling the others to reread it.
 *
 * <p>Runs on the cluster's own thread (one beat at a time); while Redis is away a beat does
 * nothing, and no node is declared gone.
 */
final class NodeRegistry {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);
    static final String NODES = "qchat:nodes";

    /** Told what the beats find. Called on the cluster thread. */
    interface Listener {
        /** The node's users are exactly these (it started, or wrote its set again). */
        void nodeUsers(String node, Set<Long> users);

        /** The node stopped beating. */
        void nodeGone(String node);
    }

    private final RedisBus bus;
    private final String self;
    private final Duration timeout;
    private final Supplier<Set<Long>> localUsers;
    private final Listener listener;
    private long epoch;
    private boolean registered;
    /** Live nodes (but this one) and the epoch each was last read at. */
    private Map<String, String> known = new HashMap<>();
    private volatile List<String> liveNodes = List.of();
    private volatile boolean lastBeatOk;

    NodeRegistry(RedisBus bus, String self, Duration timeout, Supplier<Set<Long>> localUsers, Listener listener) {
        this.bus = bus;
        this.self = self;
        this.timeout = timeout;
        this.localUsers = localUsers;
        this.listener = listener;
    }

    static String nodeKey(String node) {
        return "qchat:node:" + node;
    }

    static String usersKey(String node) {
        return "qchat:node:" + node + ":users";
    }

    /** One heartbeat: refresh this node's key, find who else is alive and who is gone. */
    void beat() {
        RedisCommands<String, String> redis = bus.sync();
        if (redis == null || !bus.isUp()) {
            lastBeatOk = false;
            return;
        }
        try {
            Set<Long> mine = localUsers.get();
            if (!registered || (!mine.isEmpty() && redis.exists(usersKey(self)) == 0)) {
                // First beat, or Redis lost the set (restarted): write it whole under a new epoch.
                epoch++;
                redis.del(usersKey(self));
                if (!mine.isEmpty()) {
                    redis.sadd(usersKey(self), mine.stream().map(String::valueOf).toArray(String[]::new));
                }
                registered = true;
            }
            redis.set(nodeKey(self), Long.toString(epoch), RedisBus.expiringIn(timeout));
            redis.sadd(NODES, self);
            List<String> ids = new ArrayList<>(redis.smembers(NODES));
            Map<String, String> epochs = ids.isEmpty() ? Map.of()
                    : RedisBus.values(redis.mget(ids.stream().map(NodeRegistry::nodeKey).toArray(String[]::new)));
            Map<String, String> live = new HashMap<>();
            for (String id : ids) {
                String value = epochs.get(nodeKey(id));
                if (value == null) {
                    redis.srem(NODES, id);
                    redis.del(usersKey(id));
                } else if (!id.equals(self)) {
                    live.put(id, value);
                }
            }
            for (String id : known.keySet()) {
                if (!live.containsKey(id)) {
                    log.warn("cluster: node {} stopped beating; its users are offline", id);
                    listener.nodeGone(id);
                }
            }
            for (Map.Entry<String, String> e : live.entrySet()) {
                if (!e.getValue().equals(known.get(e.getKey()))) {
                    if (!known.containsKey(e.getKey())) {
                        log.info("cluster: node {} is up", e.getKey());
                    }
                    listener.nodeUsers(e.getKey(), RedisBus.ids(redis.smembers(usersKey(e.getKey()))));
                }
            }
            known = live;
            List<String> all = new ArrayList<>(new TreeSet<>(live.keySet()));
            all.add(0, self);
            liveNodes = List.copyOf(all);
            lastBeatOk = true;
        } catch (RuntimeException e) {
            lastBeatOk = false;
            log.debug("cluster: heartbeat failed: {}", e.toString());
        }
    }

    /** After a gap in the subscription: every node's set is reread at the next beat. */
    void forgetEpochs() {
        known.replaceAll((node, epochValue) -> "");
    }

    /** This node's user came (first device here) or went (last device here). */
    void localUser(long userId, boolean online) {
        RedisCommands<String, String> redis = bus.sync();
        if (redis == null || !bus.isUp()) {
            return;
        }
        try {
            if (online) {
                redis.sadd(usersKey(self), Long.toString(userId));
            } else {
                redis.srem(usersKey(self), Long.toString(userId));
            }
        } catch (RuntimeException e) {
            log.debug("cluster: recording user {} failed: {}", userId, e.toString());
        }
    }

    /** Leaving for good: the others drop this node's users at once instead of after the timeout. */
    void leave() {
        RedisCommands<String, String> redis = bus.sync();
        if (redis == null || !bus.isUp()) {
            return;
        }
        try {
            redis.del(nodeKey(self), usersKey(self));
            redis.srem(NODES, self);
        } catch (RuntimeException e) {
            log.debug("cluster: leaving failed: {}", e.toString());
        }
    }

    /** This node and the others that beat at the last heartbeat, this one first. */
    List<String> liveNodes() {
        return liveNodes;
    }

    boolean lastBeatOk() {
        return lastBeatOk;
    }
}
