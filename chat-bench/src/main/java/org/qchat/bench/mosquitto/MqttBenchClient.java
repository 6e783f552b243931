package org.qchat.bench.mosquitto;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.Connection;
import org.qchat.bench.load.Payload;
import org.qchat.bench.load.Population;
import org.qchat.bench.mqtt.MqttDecoder;
import org.qchat.bench.mqtt.MqttEncoder;
import org.qchat.bench.mqtt.MqttPacket;

/**
 * A simulated user of chat built on MQTT, the usual way: one topic per user ({@code u/<n>}) for
 * 1:1, one per group ({@code g/<n>}), and {@code all} for announcements, the shared ones
 * subscribed with No Local so a sender does not get its own message back (as in qchat).
 * Publishes and subscriptions use the workload's QoS; at QoS 1 the broker acknowledges each
 * publish and the client acknowledges each delivery (PUBACK both ways).
 *
 * <p>Per message nothing is allocated: a PUBLISH is written straight into the connection's buffer
 * from a header encoded once per topic, and a delivery is read in place (see
 * {@link MqttDecoder#decode(ByteBuffer, MqttDecoder.Sink)}).
 */
final class MqttBenchClient implements BenchClient, Connection.Handler, MqttDecoder.Sink {

    /** In-flight publishes remembered for ack latency; the broker allows 1,000 (Receive Maximum). */
    private static final int WINDOW = 1024;

    private final MqttClientFactory factory;
    private final int user;
    private final ClientListener listener;
    private final Connection connection;
    private final MqttDecoder decoder = new MqttDecoder(64 * 1024);
    private final Payload.Reader stamps = new Payload.Reader();
    private final MqttEncoder.PublishHeader direct;
    private final MqttEncoder.PublishHeader group;
    private final MqttEncoder.PublishHeader broadcast;
    private long[] inFlightIntended;
    private int[] inFlightStep;
    private int nextPacketId;
    private int subscriptionsPending;
    private boolean ready;

    MqttBenchClient(MqttClientFactory factory, org.qchat.bench.load.EventLoop loop, int user, ClientListener listener) {
        this.factory = factory;
        this.user = user;
        this.listener = listener;
        Population population = factory.population();
        this.direct = population.pairs() ? header("u/" + population.partnerOf(user)) : null;
        this.group = population.groupSize() > 0 ? header("g/" + population.groupOf(user)) : null;
        this.broadcast = header("all");
        this.connection = loop.connect(factory.address(), this);
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
        publish(direct, step, intendedNanos);
    }

    @Override
    public void sendGroup(int step, long intendedNanos) {
        publish(group, step, intendedNanos);
    }

    @Override
    public void sendBroadcast(int step, long intendedNanos) {
        publish(broadcast, step, intendedNanos);
    }

    private MqttEncoder.PublishHeader header(String topic) {
        return MqttEncoder.publishHeader(topic, factory.qos(), factory.textSize());
    }

    private void publish(MqttEncoder.PublishHeader header, int step, long intendedNanos) {
        ByteBuffer out = connection.writeBuffer(header.packetLength());
        if (out == null) {
            return;
        }
        int packetId = 0;
        if (factory.qos() > 0) {
            if (inFlightIntended == null) {
                inFlightIntended = new long[WINDOW + 1];
                inFlightStep = new int[WINDOW + 1];
            }
            packetId = nextPacketId % WINDOW + 1;
            nextPacketId++;
            inFlightIntended[packetId] = intendedNanos;
            inFlightStep[packetId] = step;
        }
        header.write(out, packetId);
        Payload.write(out, step, intendedNanos, header.payloadLength());
    }

    @Override
    public void heartbeat() {
        connection.send(MqttEncoder.pingreq());
    }

    @Override
    public void leave() {
        connection.send(MqttEncoder.disconnect());
        connection.close();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public void onConnected(Connection c) {
        c.send(MqttEncoder.connect("bench-" + user + "-" + factory.runId(), factory.keepAliveSeconds()));
    }

    @Override
    public void onData(Connection c, ByteBuffer in) {
        try {
            while (decoder.decode(in, this)) {
                // Each packet went to onPublish, onPubAck or onPacket.
            }
        } catch (RuntimeException e) {
            listener.onError(this, "bad packet from the broker: " + e.getMessage());
            c.close();
        }
    }

    @Override
    public void onPublish(int qos, int packetId, boolean dup, ByteBuffer buf, int payloadFrom, int payloadTo) {
        if (stamps.read(buf, payloadFrom, payloadTo)) {
            listener.onDelivery(this, stamps.step(), stamps.intendedNanos());
        }
        if (qos == 1) {
            ByteBuffer out = connection.writeBuffer(MqttEncoder.PUBACK_LENGTH);
            if (out != null) {
                MqttEncoder.puback(out, packetId);
            }
        }
    }

    @Override
    public void onPubAck(int packetId, int reasonCode) {
        if (inFlightIntended != null && packetId > 0 && packetId <= WINDOW) {
            listener.onAck(this, inFlightStep[packetId], inFlightIntended[packetId]);
        }
    }

    @Override
    public void onPacket(MqttPacket packet) {
        Connection c = connection;
        if (packet instanceof MqttPacket.ConnAck a) {
            if (a.reasonCode() != MqttPacket.SUCCESS) {
                listener.onError(this, "CONNACK refused: " + a.reasonCode());
                c.close();
                return;
            }
            subscribe(c);
        } else if (packet instanceof MqttPacket.SubAck a) {
            for (int code : a.reasonCodes()) {
                if (code > 2) {
                    listener.onError(this, "SUBACK refused: " + code);
                }
            }
            if (--subscriptionsPending == 0) {
                ready = true;
                listener.onReady(this);
            }
        } else if (packet instanceof MqttPacket.Disconnect d) {
            listener.onError(this, "DISCONNECT from the broker: " + d.reasonCode());
        }
        // PINGRESP: the keep-alive was answered; nothing to record.
    }

    private void subscribe(Connection c) {
        List<byte[]> subscriptions = new ArrayList<>();
        int qos = factory.qos();
        subscriptions.add(MqttEncoder.subscribe(1, "u/" + user, qos, false));
        subscriptions.add(MqttEncoder.subscribe(2, "all", qos, true));
        if (group != null) {
            subscriptions.add(MqttEncoder.subscribe(3, "g/" + factory.population().groupOf(user), qos, true));
        }
        subscriptionsPending = subscriptions.size();
        subscriptions.forEach(c::send);
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        ready = false;
        listener.onClosed(this, cause);
    }
}
