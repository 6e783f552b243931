package org.qchat.client.ui;

import java.util.concurrent.Executor;

import javax.swing.SwingUtilities;

/**
 * The client's one dispatcher: every network callback and timer hops onto the Swing event thread
 * through here, in order, so models and views are only touched on that thread.
 */
public final class EdtExecutor implements Executor {

    @Override
    public void execute(Runnable task) {
        // Always queue, even when already on the EDT: running inline could overtake queued events.
        SwingUtilities.invokeLater(task);
    }
}
