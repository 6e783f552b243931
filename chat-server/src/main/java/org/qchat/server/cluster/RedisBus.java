package org.qchat.server.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's link to Redis: one connection for commands, one subscribed to the cluster's channel.
 * Lettuce reconnects both by itself (every second at most) and subscribes again; while Redis is
 * away commands fail at once instead of queueing, so nothing here ever waits on a dead Redis for
 * longer than the command timeout. Redis only carries word between nodes: whatever it loses, the
 * database still holds.
 */
final class RedisBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);

    private final String channel;
    private final ClientResources resources;
    private final RedisClient client;
    private final Consumer<String> onEvent;
    private final Runnable onSubscribed;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;
    private volatile boolean dropped;
    private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
    private Thread connector;

    /**
     * @param onEvent      each message on the channel, on a Lettuce thread (hand it off; never block)
     * @param onSubscribed each time the subscription is (again) in place: what was published while
     *                     it was not is lost to this node and must be read from the database
     */
    RedisBus(String uri, String password, String channel, Consumer<String> onEvent, Runnable onSubscribed) {
        RedisURI redisUri = RedisURI.create(uri);
        if (password != null && !password.isEmpty()) {
            redisUri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(null, password)));
        }
        redisUri.setTimeout(Duration.ofSeconds(2));
        this.channel = channel;
        this.onEvent = onEvent;
        this.onSubscribed = onSubscribed;
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    /** Connects in the background, retrying until Redis answers; the node serves meanwhile. */
    void start() {
        connector = new Thread(this::connectUntilUp, "qchat-redis-connect");
        connector.setDaemon(true);
        connector.start();
    }

    private void connectUntilUp() {
        boolean warned = false;
        while (!closed) {
            try {
                StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        onEvent.accept(message);
                    }

                    @Override
                    public void subscribed(String to, long count) {
                        onSubscribed.run();
                    }
                });
                sub.sync().subscribe(channel);
                subscription = sub;
                commands = client.connect();
                log.info("cluster: connected to Redis");
                connected.countDown();
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("cluster: Redis is not reachable ({}); serving this node's clients and retrying", e.getMessage());
                    warned = true;
                }
                StatefulRedisPubSubConnection<String, String> sub = subscription;
                if (sub != null) {
                    sub.closeAsync();
                    subscription = null;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Waits until the first connection is made, at most {@code timeout}; returns whether it was. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Whether both connections are up now. */
    boolean isUp() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        return c != null && s != null && c.isOpen() && s.isOpen();
    }

    /**
     * Publishes without waiting. What cannot be published (Redis away, a command failed) is lost to
     * the other nodes; {@link #takeDropped} tells, so that the node can have them read the database.
     */
    void publish(String message) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !c.isOpen()) {
            dropped = true;
            return;
        }
        c.async().publish(channel, message).exceptionally(e -> {
            dropped = true;
            return null;
        });
    }

    /** Whether a publish was lost since the last call. */
    boolean takeDropped() {
        boolean was = dropped;
        dropped = false;
        return was;
    }

    /** Blocking commands (at most the command timeout each), or null while Redis was never reached. */
    RedisCommands<String, String> sync() {
        StatefulRedisConnection<String, String> c = commands;
        return c == null ? null : c.sync();
    }

    static Map<String, String> values(List<KeyValue<String, String>> pairs) {
        Map<String, String> out = new java.util.HashMap<>();
        for (KeyValue<String, String> kv : pairs) {
            if (kv.hasValue()) {
                out.put(kv.getKey(), kv.getValue());
            }
        }
        return out;
    }

    static SetArgs expiringIn(Duration ttl) {
        return SetArgs.Builder.px(ttl.toMillis());
    }

    static Set<Long> ids(Set<String> members) {
        Set<Long> out = new java.util.HashSet<>();
        for (String m : members) {
            try {
                out.add(Long.parseLong(m));
            } catch (NumberFormatException ignored) {
                // not ours
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        StatefulRedisPubSubConnection<String, String> s = subscription;
        StatefulRedisConnection<String, String> c = commands;
        if (s != null) {
            s.close();
        }
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
