package org.qchat.bench.load;

/**
 * One simulated user of a chat system, on the generator's {@link EventLoop}. Sends carry a
 * {@link Payload} stamp; what comes back is reported to a {@link ClientListener}.
 */
public interface BenchClient {

    int user();

    boolean isReady();

    /** A 1:1 message to this user's partner. */
    void sendDirect(int step, long intendedNanos);

    /** A message to this user's group. */
    void sendGroup(int step, long intendedNanos);

    /** A message to every connected user. */
    void sendBroadcast(int step, long intendedNanos);

    /** Keeps an idle connection alive. */
    void heartbeat();

    /** Leaves politely (logout / DISCONNECT) and closes. */
    void leave();

    /** Closes at once. */
    void close();
}
