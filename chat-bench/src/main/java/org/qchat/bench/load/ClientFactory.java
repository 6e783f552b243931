package org.qchat.bench.load;

/** Makes simulated users of one system; the client connects and logs in on its own. */
public interface ClientFactory {

    /** Starts user {@code user} on {@code loop}; call on the loop thread. */
    BenchClient start(EventLoop loop, int user, ClientListener listener);
}
