package org.qchat.bench.qchat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.Connection;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.JsonScan;
import org.qchat.bench.load.Payload;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Logout;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Welcome;

/**
 * A simulated qchat user: waits for {@code welcome}, logs in (session token, or password), sends
 * stamped messages, reads pushes, and acknowledges what it received the way the desktop client
 * does — one cumulative {@code sync.ack} per conversation after a short delay.
 *
 * <p>The two packets that flow per message ({@code msg.send} out, {@code msg} and
 * {@code msg.sent} in) are written and read without a JSON library, the incoming ones in a body
 * array the client reuses; everything else goes through the protocol module's codec.
 */
public final class QchatClient implements BenchClient, Connection.Handler {

    private static final byte[] MSG_PREFIX = "{\"type\":\"msg\",".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT_PREFIX = "{\"type\":\"msg.sent\",\"id\":\"s".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = JsonScan.key("text");
    private static final byte[] CONV_ID = JsonScan.key("convId");
    private static final byte[] SEQ = JsonScan.key("seq");

    private final QchatClientFactory factory;
    private final EventLoop loop;
    private final int user;
    private final ClientListener listener;
    private final Connection connection;
    private final Map<Long, long[]> cursors = new HashMap<>();
    /** The frame being handled; reused, since a client reads its frames one at a time. */
    private byte[] body = new byte[1024];
    private ByteBuffer bodyView = ByteBuffer.wrap(body);
    private final Payload.Reader stamps = new Payload.Reader();
    private long lastConvId = -1;
    private long[] lastCursor;
    private final Map<String, Consumer<Packet>> calls = new HashMap<>();
    private long callIds;
    private boolean ready;
    private boolean ackScheduled;
    private long sent;

    QchatClient(QchatClientFactory factory, EventLoop loop, int user, ClientListener listener) {
        this.factory = factory;
        this.loop = loop;
        this.user = user;
        this.listener = listener;
        this.connection = loop.connect(factory.address(user), this);
    }

    @Override
    public int user() {
        return user;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public void sendDirect(int step, long intendedNanos) {
        sendMessage("msg.send", factory.fixture().pairConv(user), step, intendedNanos);
    }

    @Override
    public void sendGroup(int step, long intendedNanos) {
        sendMessage("msg.send", factory.fixture().groupConv(user), step, intendedNanos);
    }

    @Override
    public void sendBroadcast(int step, long intendedNanos) {
        sendMessage("broadcast", -1, step, intendedNanos);
    }

    private void sendMessage(String type, long convId, int step, long intendedNanos) {
        connection.send(messageFrame(type, convId, user + "-" + (++sent), step, intendedNanos, factory.textSize()));
    }

    /**
     * A {@code msg.send} (or {@code broadcast}, without a convId) frame, written straight into one
     * array: every part is ASCII (ids, numbers, the stamped text), so nothing needs escaping.
     */
    static byte[] messageFrame(String type, long convId, String clientMsgId, int step, long intendedNanos, int textSize) {
        byte[] head = Payload.head(step, intendedNanos);
        byte[] prefix = ("{\"type\":\"" + type + "\",\"id\":\"s" + step + '.' + intendedNanos + '"'
                + (convId >= 0 ? ",\"convId\":" + convId : "")
                + ",\"clientMsgId\":\"" + clientMsgId + "\",\"text\":\"").getBytes(StandardCharsets.US_ASCII);
        int bodyLength = prefix.length + Math.max(textSize, head.length) + 2;
        byte[] frame = new byte[FrameCodec.HEADER_LENGTH + bodyLength];
        ByteBuffer.wrap(frame).putInt(bodyLength);
        int at = FrameCodec.HEADER_LENGTH;
        System.arraycopy(prefix, 0, frame, at, prefix.length);
        at += prefix.length;
        at += Payload.write(head, frame, at, textSize);
        frame[at++] = '"';
        frame[at] = '}';
        return frame;
    }

    /**
     * Sends a request made from a fresh id and hands its reply (or error) to {@code onReply}.
     * Loop thread only.
     */
    public void call(Function<String, Request> request, Consumer<Packet> onReply) {
        String id = "c" + (++callIds);
        calls.put(id, onReply);
        send(request.apply(id));
    }

    @Override
    public void heartbeat() {
        send(new Ping("p"));
    }

    @Override
    public void leave() {
        send(new Logout("bye"));
        loop.execute(connection::close);
    }

    @Override
    public void close() {
        connection.close();
    }

    private void send(Packet packet) {
        connection.send(factory.codec().encode(packet));
    }

    @Override
    public void onConnected(Connection c) {
        // The server speaks first (welcome).
    }

    @Override
    public void onData(Connection c, ByteBuffer in) {
        while (in.remaining() >= FrameCodec.HEADER_LENGTH) {
            int length = in.getInt(in.position());
            if (length <= 0 || length > factory.codec().maxFrameLength()) {
                listener.onError(this, "bad frame length " + length);
                c.close();
                return;
            }
            if (in.remaining() - FrameCodec.HEADER_LENGTH < length) {
                return;
            }
            if (body.length < length) {
                body = new byte[Math.max(length, 2 * body.length)];
                bodyView = ByteBuffer.wrap(body);
            }
            in.position(in.position() + FrameCodec.HEADER_LENGTH);
            in.get(body, 0, length);
            handle(body, length);
        }
    }

    private void handle(byte[] body, int end) {
        if (JsonScan.startsWith(body, 0, end, MSG_PREFIX)) {
            int text = JsonScan.after(body, 0, end, TEXT);
            if (text >= 0 && stamps.read(bodyView, text + 1, end)) {
                listener.onDelivery(this, stamps.step(), stamps.intendedNanos());
            }
            noteReceived(JsonScan.longField(body, 0, end, CONV_ID), JsonScan.longField(body, 0, end, SEQ));
            return;
        }
        if (JsonScan.startsWith(body, 0, end, SENT_PREFIX)) {
            int at = SENT_PREFIX.length;
            long step = JsonScan.number(body, at, end);
            while (at < end && body[at] != '.') {
                at++;
            }
            long intended = JsonScan.number(body, at + 1, end);
            listener.onAck(this, (int) step, intended);
            return;
        }
        Packet packet;
        try {
            packet = factory.codec().mapper().read(Arrays.copyOf(body, end));
        } catch (Exception e) {
            listener.onError(this, "undecodable packet: " + e.getMessage());
            return;
        }
        if (packet instanceof Welcome) {
            login();
        } else if (packet instanceof SessionStarted) {
            ready = true;
            listener.onReady(this);
        } else if (packet instanceof Response response && calls.containsKey(response.id())) {
            calls.remove(response.id()).accept(response);
        } else if (packet instanceof ErrorReply error) {
            listener.onError(this, error.code() + ": " + error.message());
        }
    }

    private void login() {
        QchatFixture fixture = factory.fixture();
        if (factory.passwordLogin()) {
            send(new Login("l", ProtocolVersion.CURRENT, fixture.usernames()[user], QchatFixture.PASSWORD,
                    QchatFixture.DEVICE));
        } else {
            send(new Resume("r", ProtocolVersion.CURRENT, fixture.tokens()[user], QchatFixture.DEVICE));
        }
    }

    /** Remembers the newest seq per conversation; one delayed cumulative ack covers them all. */
    private void noteReceived(long convId, long seq) {
        if (convId < 0 || seq < 0) {
            return;
        }
        long[] cursor = convId == lastConvId ? lastCursor : cursors.computeIfAbsent(convId, k -> new long[2]);
        lastConvId = convId;
        lastCursor = cursor;
        cursor[0] = Math.max(cursor[0], seq);
        if (!ackScheduled) {
            ackScheduled = true;
            loop.schedule(System.nanoTime() + factory.ackDelayNanos(), this::acknowledge);
        }
    }

    private void acknowledge() {
        ackScheduled = false;
        if (!connection.isOpen()) {
            return;
        }
        for (Map.Entry<Long, long[]> e : cursors.entrySet()) {
            long[] cursor = e.getValue();
            if (cursor[0] > cursor[1]) {
                cursor[1] = cursor[0];
                send(new AckCursor("a", e.getKey(), cursor[0]));
            }
        }
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        ready = false;
        listener.onClosed(this, cause);
    }
}
