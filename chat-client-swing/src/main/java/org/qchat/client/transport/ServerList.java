package org.qchat.client.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The addresses of one chat service, in the order the client tries them: a single server, or
 * the nodes of a cluster that share one database (any of them accepts the session's token).
 * Written and parsed as {@code host[:port],host[:port],...}.
 */
public record ServerList(List<ServerAddress> addresses) {

    public ServerList {
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one server address is required");
        }
        addresses = List.copyOf(addresses);
    }

    public static ServerList of(ServerAddress... addresses) {
        return new ServerList(List.of(addresses));
    }

    /** An entry of a list that is not an address; the message names it too. */
    public static final class BadEntry extends IllegalArgumentException {
        private final String entry;

        BadEntry(String entry, String problem, Throwable cause) {
            super("bad server address \"" + entry + "\": " + problem, cause);
            this.entry = entry;
        }

        /** The entry as typed, trimmed. */
        public String entry() {
            return entry;
        }
    }

    /**
     * Parses a comma-separated list of addresses, each as {@link ServerAddress#parse} reads it.
     *
     * @throws BadEntry the text names no address, or an entry is not one
     */
    public static ServerList parse(String text) {
        return parse(text, ServerAddress.DEFAULT_PORT);
    }

    /** As {@link #parse(String)}, with {@code defaultPort} for entries that name no port. */
    public static ServerList parse(String text, int defaultPort) {
        List<ServerAddress> addresses = new ArrayList<>();
        String[] entries = (text == null ? "" : text).split(",", -1);
        for (String entry : entries) {
            if (entry.isBlank() && entries.length > 1) {
                throw new BadEntry(entry.strip(), "empty entry in \"" + text + "\"", null);
            }
            try {
                addresses.add(ServerAddress.parse(entry, defaultPort));
            } catch (IllegalArgumentException e) {
                throw new BadEntry(entry.strip(), e.getMessage(), e);
            }
        }
        return new ServerList(addresses);
    }

    public ServerAddress first() {
        return addresses.get(0);
    }

    public int size() {
        return addresses.size();
    }

    public ServerAddress get(int index) {
        return addresses.get(index);
    }

    /**
     * A stable key for storing per-server settings (and for telling whether a remembered session
     * belongs here): the key of the first address. A node belongs to one cluster, so any node
     * names the service; taking the first keeps a single address's key exactly what it was
     * before lists existed, and keeps the settings when failover nodes are added or removed
     * behind it. (The joined list would lose them at every such edit.)
     */
    public String key() {
        return first().key();
    }

    /** {@code a:9321,b:9321}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return addresses.stream().map(ServerAddress::toString).collect(Collectors.joining(","));
    }
}
