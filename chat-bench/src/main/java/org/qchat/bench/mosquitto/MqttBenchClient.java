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
 */
final class MqttBenchClient implements BenchClient, Connection.Handler {

    /** In-flight publishes remembered for ack latency; the broker allows 1,000 (Receive Maximum). */
    private static final int WINDOW = 1024;

    private final MqttClientFactory factory;
    private final int user;
    private final ClientListener listener;
    private final Connection connection;
    private final MqttDecoder decoder = new MqttDecoder(64 * 1024);
    private final String direct;
    private final String group;
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
        this.direct = population.pairs() ? "u/" + population.partnerOf(user) : null;
        this.group = population.groupSize() > 0 ? "g/" + population.groupOf(user) : null;
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
        publish("all", step, intendedNanos);
    }

    private void publish(String topic, int step, long intendedNanos) {
        byte[] payload = Payload.bytes(step, intendedNanos, factory.textSize());
        int qos = factory.qos();
        int packetId = 0;
        if (qos > 0) {
            if (inFlightIntended == null) {
                inFlightIntended = new long[WINDOW + 1];
                inFlightStep = new int[WINDOW + 1];
            }
            packetId = nextPacketId % WINDOW + 1;
            nextPacketId++;
            inFlightIntended[packetId] = intendedNanos;
            inFlightStep[packetId] = step;
        }
        connection.send(MqttEncoder.publish(topic, qos, packetId, payload));
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
        MqttPacket packet;
        try {
            while ((packet = decoder.decode(in)) != null) {
                handle(c, packet);
            }
        } catch (RuntimeException e) {
            listener.onError(this, "bad packet from the broker: " + e.getMessage());
            c.close();
        }
    }

    private void handle(Connection c, MqttPacket packet) {
        if (packet instanceof MqttPacket.Publish p) {
            Payload.Stamp stamp = Payload.parse(p.payload(), 0, p.payload().length);
            if (stamp != null) {
                listener.onDelivery(this, stamp.step(), stamp.intendedNanos());
            }
            if (p.qos() == 1) {
                c.send(MqttEncoder.puback(p.packetId()));
            }
        } else if (packet instanceof MqttPacket.PubAck a) {
            if (inFlightIntended != null && a.packetId() > 0 && a.packetId() <= WINDOW) {
                listener.onAck(this, inFlightStep[a.packetId()], inFlightIntended[a.packetId()]);
            }
        } else if (packet instanceof MqttPacket.ConnAck a) {
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
