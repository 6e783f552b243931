package org.qchat.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.qchat.bench.mqtt.MqttPacket.ConnAck;
import org.qchat.bench.mqtt.MqttPacket.PingResp;

/**
 * A test's MQTT client: a blocking socket driven by the codec under test. Every read waits at most
 * {@link #READ_TIMEOUT}, so a packet that never comes fails the test instead of hanging it.
 */
final class BlockingMqttClient implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final MqttDecoder decoder = new MqttDecoder(64 * 1024);
    /** Kept in read mode: position..limit is what has arrived and is not decoded yet. */
    private final ByteBuffer received = ByteBuffer.allocate(64 * 1024).flip();

    private BlockingMqttClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and expects CONNACK with reason Success. */
    static BlockingMqttClient connect(int port, String clientId) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) READ_TIMEOUT.toMillis());
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        BlockingMqttClient client = new BlockingMqttClient(socket);
        client.send(MqttEncoder.connect(clientId, 60));
        assertThat(client.read()).as("answer to CONNECT from %s", clientId).isEqualTo(new ConnAck(false, 0));
        return client;
    }

    void send(byte[] packet) throws IOException {
        out.write(packet);
        out.flush();
    }

    MqttPacket read() throws IOException {
        while (true) {
            MqttPacket packet = decoder.decode(received);
            if (packet != null) {
                return packet;
            }
            received.compact();
            int n = in.read(received.array(), received.position(), received.remaining());
            if (n < 0) {
                throw new EOFException("broker closed the connection");
            }
            received.position(received.position() + n).flip();
        }
    }

    /**
     * Sends PINGREQ and returns every packet that arrives before its PINGRESP. The broker handles a
     * connection's packets in order and writes its answers in order, so whatever it sends this client
     * because of an earlier packet is on the wire before the PINGRESP: a barrier, not a guess at time.
     */
    List<MqttPacket> readUntilPingResponse() throws IOException {
        send(MqttEncoder.pingreq());
        List<MqttPacket> before = new ArrayList<>();
        for (MqttPacket packet = read(); !(packet instanceof PingResp); packet = read()) {
            before.add(packet);
        }
        return before;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                send(MqttEncoder.disconnect());
            }
        } catch (IOException alreadyGone) {
            // The broker closed first; nothing to say goodbye to.
        } finally {
            socket.close();
        }
    }
}
