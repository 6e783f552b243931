package org.qchat.client.ui.media;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

/** Runs test code on the Swing event thread, where the components expect to be used, and waits for it. */
final class Edt {

    interface Block {
        void run() throws Exception;
    }

    private Edt() {
    }

    static <T> T call(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        run(() -> result.set(work.call()));
        return result.get();
    }

    static void run(Block work) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                work.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return;
        }
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
