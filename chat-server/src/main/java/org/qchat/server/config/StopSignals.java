package org.qchat.server.config;

import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a graceful stop that ends with exit code 0, as service managers
 * expect; a plain shutdown hook would leave the JVM's 143. Falls back to the shutdown hook where
 * the JDK's signal API is missing.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> action.run());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LoggerFactory.getLogger(StopSignals.class).debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }
}
