package org.qchat.bench.mosquitto;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.Population;
import org.qchat.bench.mqtt.MosquittoBroker;
import org.qchat.bench.sut.ProcStat;
import org.qchat.bench.sut.ServerProcess;
import org.qchat.bench.sut.Target;

/** A fresh Mosquitto broker for one workload, driven at one QoS. */
public final class MosquittoTarget implements Target {

    private final MosquittoBroker broker;
    private final MqttClientFactory clients;
    private final int qos;

    private MosquittoTarget(MosquittoBroker broker, MqttClientFactory clients, int qos) {
        this.broker = broker;
        this.clients = clients;
        this.qos = qos;
    }

    public static MosquittoTarget start(Population population, int qos, String cpus, int textSize) throws IOException {
        MosquittoBroker broker = MosquittoBroker.start(ServerProcess.freePort(), cpus);
        MqttClientFactory clients = new MqttClientFactory(new InetSocketAddress("127.0.0.1", broker.port()), population,
                qos, textSize);
        return new MosquittoTarget(broker, clients, qos);
    }

    @Override
    public String name() {
        return "Mosquitto QoS " + qos;
    }

    @Override
    public ClientFactory clients() {
        return clients;
    }

    @Override
    public long cpuNanos() {
        return ProcStat.cpuNanos(broker.pid());
    }

    @Override
    public long rssBytes() {
        return ProcStat.rssBytes(broker.pid());
    }

    @Override
    public void settleMemory() {
        // A C program with no garbage collector: its RSS is what it holds.
    }

    @Override
    public void close() {
        broker.close();
    }
}
