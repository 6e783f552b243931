package org.qchat.client.transport;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices the network coming back (an interface other than loopback is up again after none was), so
 * a client waiting out its reconnect back-off can try at once instead of up to 30 s later.
 *
 * <p>Looks every few seconds on its own daemon thread, because listing interfaces asks the OS and
 * may take a moment; {@code onReturn} runs on that thread and should hop to the client's own.
 */
public final class NetworkWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkWatch.class);

    private final BooleanSupplier networkUp;
    private final Runnable onReturn;
    private ScheduledExecutorService timer;
    private Boolean lastUp;

    /** Watches this machine's network interfaces. */
    public NetworkWatch(Runnable onReturn) {
        this(NetworkWatch::anyInterfaceUp, onReturn);
    }

    NetworkWatch(BooleanSupplier networkUp, Runnable onReturn) {
        this.networkUp = networkUp;
        this.onReturn = onReturn;
    }

    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qchat-network-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::look, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look: calls {@code onReturn} when the network is up now and was down at the last look. */
    void look() {
        boolean up = networkUp.getAsBoolean();
        boolean cameBack = Boolean.FALSE.equals(lastUp) && up;
        lastUp = up;
        if (cameBack) {
            log.info("the network is back");
            onReturn.run();
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private static boolean anyInterfaceUp() {
        try {
            var interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                NetworkInterface n = interfaces.nextElement();
                if (n.isUp() && !n.isLoopback() && n.getInetAddresses().hasMoreElements()) {
                    return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return true; // cannot tell: never report a return that did not happen
        }
    }
}
