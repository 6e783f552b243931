package org.qchat.client.transport;

import java.util.ArrayList;
import java.util.List;

import org.tio.client.ClientChannelContext;
import org.tio.core.Tio;

/**
 * Links that went down, until t-io has forgotten them. With no {@link org.tio.client.ReconnConf}
 * t-io still keeps a closed link on its books (to reconnect it) until it is removed, and a remove
 * made while its close is still running is ignored; so links wait here and are removed once
 * their close has finished. Thread-safe.
 */
final class RetiredLinks {

    private final List<ClientChannelContext> links = new ArrayList<>();

    synchronized void add(ClientChannelContext link) {
        links.add(link);
    }

    /** Removes every link whose close has finished; the others wait for the next call. */
    void removeClosed() {
        List<ClientChannelContext> done = new ArrayList<>();
        synchronized (this) {
            for (ClientChannelContext link : links) {
                if (link.isRemoved || (link.isClosed && !link.isWaitingClose)) {
                    done.add(link);
                }
            }
            links.removeAll(done);
        }
        done.forEach(link -> remove(link, "replaced by a new link"));
    }

    /** Removes them all, finished or not (the client is closing and its pools stop next). */
    void removeAll() {
        List<ClientChannelContext> all;
        synchronized (this) {
            all = List.copyOf(links);
            links.clear();
        }
        all.forEach(link -> remove(link, "closed by the client"));
    }

    private static void remove(ClientChannelContext link, String reason) {
        if (!link.isRemoved) {
            Tio.remove(link, reason);
        }
    }
}
