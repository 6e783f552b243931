package org.qchat.bench.sut;

import org.qchat.bench.load.ClientFactory;

/** A running system under test: its clients, and what /proc says it spends. */
public interface Target extends AutoCloseable {

    /** e.g. "qchat (embedded)" or "Mosquitto QoS 1". */
    String name();

    ClientFactory clients();

    /** The same users logging in with their password, where the system has passwords; null otherwise. */
    default ClientFactory passwordClients() {
        return null;
    }

    /** CPU time of the server (and of its database processes, where it has its own), in nanoseconds. */
    long cpuNanos();

    long rssBytes();

    /** Makes the server return garbage before a memory reading (a full GC for a JVM). */
    void settleMemory();

    @Override
    void close();
}
