package org.qchat.bench.load;

/** What simulated users report, on the generator's loop thread. */
public interface ClientListener {

    /** Connected and logged in (qchat) or connected and subscribed (MQTT). */
    void onReady(BenchClient client);

    /** The server acknowledged a send to its sender. */
    void onAck(BenchClient client, int step, long intendedNanos);

    /** A message arrived at its recipient. */
    void onDelivery(BenchClient client, int step, long intendedNanos);

    /** The server answered with an error. */
    void onError(BenchClient client, String what);

    /** The connection closed; {@code cause} is null when the client closed it. */
    void onClosed(BenchClient client, Throwable cause);
}
