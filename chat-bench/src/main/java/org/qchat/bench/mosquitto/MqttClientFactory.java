package org.qchat.bench.mosquitto;

import java.net.InetSocketAddress;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.Payload;
import org.qchat.bench.load.Population;

/** Makes {@link MqttBenchClient}s for one broker, population and QoS. */
public final class MqttClientFactory implements ClientFactory {

    private final InetSocketAddress address;
    private final Population population;
    private final int qos;
    private final int textSize;
    private final long runId = System.nanoTime() % 100_000;

    /** {@code textSize} must hold a whole stamp: every PUBLISH of a client has the same length. */
    public MqttClientFactory(InetSocketAddress address, Population population, int qos, int textSize) {
        if (textSize < Payload.MAX_HEAD_LENGTH) {
            throw new IllegalArgumentException("text size " + textSize + " is under the stamp's "
                    + Payload.MAX_HEAD_LENGTH + " bytes");
        }
        this.address = address;
        this.population = population;
        this.qos = qos;
        this.textSize = textSize;
    }

    @Override
    public BenchClient start(EventLoop loop, int user, ClientListener listener) {
        return new MqttBenchClient(this, loop, user, listener);
    }

    InetSocketAddress address() {
        return address;
    }

    Population population() {
        return population;
    }

    int qos() {
        return qos;
    }

    int textSize() {
        return textSize;
    }

    long runId() {
        return runId;
    }

    /** Long enough that an idle connection held for a measurement needs no ping. */
    int keepAliveSeconds() {
        return 600;
    }
}
