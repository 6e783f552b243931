package org.qchat.bench.qchat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qchat.bench.load.Connection;
import org.qchat.bench.load.EventLoop;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Welcome;

/**
 * A qchat user of a cluster that outlives its node, as the desktop client does: when its
 * connection drops it connects to the next node at once (round robin), and backs off (1 s,
 * doubling, with jitter) only after a whole round of nodes has failed; an attempt that has not
 * logged in within {@link #ATTEMPT_TIMEOUT_NANOS} counts as failed. Once in ({@code resume} with
 * its session token), it pulls its conversation from after the last message it received from its
 * partner, then sends again every message of its outbox, the unacknowledged ones, with their
 * clientMsgIds: the server stores a clientMsgId once and answers a resend as the first send.
 *
 * <p>It keeps what the loss check needs: the clientMsgIds the server acknowledged, and those of
 * its partner's messages it received (pushed or pulled). Packets go through the protocol codec:
 * the failover workload runs at a moderate rate, and clarity beats the traffic client's speed.
 * Loop thread only.
 */
public final class FailoverClient {

    /** What a failover client reports, on the loop thread. */
    public interface Listener {
        /** Logged in, the first time or again after a drop. */
        void onReady(FailoverClient client);

        /** The server acknowledged one of its sends, or a message from its partner arrived. */
        void onServed(FailoverClient client);

        /** A logged-in connection was lost. */
        void onDropped(FailoverClient client);

        void onError(FailoverClient client, String what);
    }

    /** What the desktop client allows a connection attempt to a cluster node (its failover connect timeout). */
    static final long ATTEMPT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long FIRST_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final int PULL_PAGE = 200;

    private final QchatClientFactory factory;
    private final EventLoop loop;
    private final int user;
    private final long userId;
    private final long convId;
    private final String text;
    private final Listener listener;
    private final List<InetSocketAddress> nodes;
    /** Sent and not acknowledged yet, in send order: clientMsgId to text. */
    private final Map<String, String> outbox = new LinkedHashMap<>();
    private final Set<String> acked = new HashSet<>();
    private final Set<String> received = new HashSet<>();
    private long partnerSeq;
    private int node;
    private int failedThisRound;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private Link link;
    private boolean ready;
    private boolean stopped;
    private long sent;

    FailoverClient(QchatClientFactory factory, EventLoop loop, int user, String text, Listener listener) {
        this.factory = factory;
        this.loop = loop;
        this.user = user;
        this.userId = factory.fixture().userIds()[user];
        this.convId = factory.fixture().pairConv(user);
        this.text = text;
        this.listener = listener;
        this.nodes = factory.addresses();
        this.node = user % nodes.size();
    }

    /** Starts user {@code user} on its home node ({@code user mod nodes}). Loop thread. */
    public static FailoverClient start(QchatClientFactory factory, EventLoop loop, int user, Listener listener) {
        FailoverClient client = new FailoverClient(factory, loop, user, "f".repeat(factory.textSize()), listener);
        client.connect();
        return client;
    }

    public int user() {
        return user;
    }

    public long convId() {
        return convId;
    }

    public boolean isReady() {
        return ready;
    }

    /** The node it is on (or trying), as an index into the factory's addresses. */
    public int node() {
        return node;
    }

    /** A new message to its partner: into the outbox, and onto the wire if logged in. */
    public void send() {
        String clientMsgId = user + "-" + (++sent);
        outbox.put(clientMsgId, text);
        if (ready) {
            link.send(new SendMessage("m", convId, clientMsgId, text));
        }
    }

    /** Pulls the whole conversation, page by page, and hands the clientMsgIds stored in it to {@code done}. */
    public void pullAll(Consumer<Set<String>> done) {
        Set<String> stored = new HashSet<>();
        pullFrom(0, page -> page.messages().forEach(m -> stored.add(m.clientMsgId())), () -> done.accept(stored));
    }

    public Set<String> acked() {
        return acked;
    }

    public Set<String> received() {
        return received;
    }

    public int unacked() {
        return outbox.size();
    }

    public long sent() {
        return sent;
    }

    /** Closes for good: no reconnect. */
    public void stop() {
        stopped = true;
        ready = false;
        if (link != null) {
            link.connection.close();
        }
    }

    private void connect() {
        link = new Link();
        link.connection = loop.connect(nodes.get(node), link);
        Link attempt = link;
        loop.schedule(System.nanoTime() + ATTEMPT_TIMEOUT_NANOS, () -> {
            if (attempt == link && !ready && !stopped) {
                attempt.connection.close();
                failed();
            }
        });
    }

    /** The link in use is gone: try the next node at once, unless every node failed this round. */
    private void failed() {
        link = null;
        if (stopped) {
            return;
        }
        node = (node + 1) % nodes.size();
        if (++failedThisRound < nodes.size()) {
            connect();
            return;
        }
        failedThisRound = 0;
        long jitter = ThreadLocalRandom.current().nextLong(backoffMillis / 5 + 1);
        long delay = backoffMillis - backoffMillis / 10 + jitter;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        loop.schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), () -> {
            if (!stopped && link == null) {
                connect();
            }
        });
    }

    private void loggedIn() {
        ready = true;
        failedThisRound = 0;
        backoffMillis = FIRST_BACKOFF_MILLIS;
        listener.onReady(this);
        // What the partner sent while this client was away, then what this client sent unanswered.
        pullFrom(partnerSeq, page -> { }, () -> { });
        for (Map.Entry<String, String> e : outbox.entrySet()) {
            link.send(new SendMessage("m", convId, e.getKey(), e.getValue()));
        }
    }

    private void pullFrom(long after, Consumer<MessagePage> each, Runnable end) {
        Link on = link;
        if (on == null || !ready) {
            listener.onError(this, "pull while not logged in");
            return;
        }
        on.call(id -> new PullMessages(id, convId, after, PULL_PAGE), reply -> {
            if (!(reply instanceof MessagePage page)) {
                listener.onError(this, "pull failed: " + reply);
                return;
            }
            long last = after;
            for (MessageInfo m : page.messages()) {
                receivedFromPartner(m);
                last = m.seq();
            }
            each.accept(page);
            if (page.more() && last > after) {
                pullFrom(last, each, end);
            } else {
                end.run();
            }
        });
    }

    private void receivedFromPartner(MessageInfo m) {
        if (m.convId() != convId || m.senderId() == userId) {
            return;
        }
        received.add(m.clientMsgId());
        partnerSeq = Math.max(partnerSeq, m.seq());
        listener.onServed(this);
    }

    private void handle(Link on, Packet packet) {
        if (packet instanceof MessagePush push) {
            receivedFromPartner(push.message());
        } else if (packet instanceof MessageSent ack) {
            outbox.remove(ack.clientMsgId());
            acked.add(ack.clientMsgId());
            listener.onServed(this);
        } else if (packet instanceof Welcome) {
            on.send(new Resume("r", ProtocolVersion.CURRENT, factory.fixture().tokens()[user], QchatFixture.DEVICE));
        } else if (packet instanceof SessionStarted) {
            loggedIn();
        } else if (packet instanceof Response response && on.calls.containsKey(response.id())) {
            on.calls.remove(response.id()).accept(response);
        } else if (packet instanceof ErrorReply error) {
            listener.onError(this, error.code() + ": " + error.message());
        }
    }

    /** One connection to one node; what a stale one reports is ignored. */
    private final class Link implements Connection.Handler {
        Connection connection;
        final Map<String, Consumer<Packet>> calls = new HashMap<>();
        private long callIds;

        void send(Packet packet) {
            connection.send(factory.codec().encode(packet));
        }

        void call(Function<String, Request> request,
                  Consumer<Packet> onReply) {
            String id = "c" + (++callIds);
            calls.put(id, onReply);
            send(request.apply(id));
        }

        @Override
        public void onConnected(Connection c) {
            // The server speaks first (welcome).
        }

        @Override
        public void onData(Connection c, ByteBuffer in) {
            while (link == this) {
                Packet packet;
                try {
                    packet = factory.codec().decode(in);
                } catch (FrameException e) {
                    listener.onError(FailoverClient.this, "bad frame: " + e.getMessage());
                    in.position(in.limit());
                    c.close();
                    return;
                } catch (PacketException e) {
                    listener.onError(FailoverClient.this, "undecodable packet: " + e.getMessage());
                    continue;
                }
                if (packet == null) {
                    return;
                }
                handle(this, packet);
            }
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            if (link != this) {
                return;
            }
            boolean wasReady = ready;
            ready = false;
            if (wasReady && !stopped) {
                listener.onDropped(FailoverClient.this);
            }
            failed();
        }
    }
}
