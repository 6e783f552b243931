package org.qchat.client.transport;

import java.util.concurrent.Executor;

import org.qchat.protocol.Packet;

/**
 * Re-posts every transport callback to one executor, in arrival order. In the app that executor
 * is the Swing event thread, so client state is only ever touched there; tests pass a direct
 * executor.
 */
public final class DispatchingListener implements TransportListener {

    private final Executor dispatcher;
    private final TransportListener target;

    public DispatchingListener(Executor dispatcher, TransportListener target) {
        this.dispatcher = dispatcher;
        this.target = target;
    }

    @Override
    public void connected() {
        dispatcher.execute(target::connected);
    }

    @Override
    public void connectFailed(String reason) {
        dispatcher.execute(() -> target.connectFailed(reason));
    }

    @Override
    public void disconnected(String reason) {
        dispatcher.execute(() -> target.disconnected(reason));
    }

    @Override
    public void packetReceived(Packet packet) {
        dispatcher.execute(() -> target.packetReceived(packet));
    }
}
