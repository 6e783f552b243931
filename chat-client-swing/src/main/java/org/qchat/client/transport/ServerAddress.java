package org.qchat.client.transport;

import java.util.Locale;

/** Where the chat server listens. */
public record ServerAddress(String host, int port) {

    /** The port the server uses unless told otherwise. */
    public static final int DEFAULT_PORT = 9321;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        host = host.strip();
    }

    /**
     * Parses {@code host}, {@code host:port} or {@code [v6-address]:port}.
     *
     * @throws IllegalArgumentException the text is not an address
     */
    public static ServerAddress parse(String text) {
        return parse(text, DEFAULT_PORT);
    }

    /** As {@link #parse(String)}, with {@code defaultPort} for text that names no port. */
    public static ServerAddress parse(String text, int defaultPort) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + text);
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            return new ServerAddress(host, rest.startsWith(":") ? parsePort(rest.substring(1)) : defaultPort);
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0 && s.indexOf(':') == colon) {
            return new ServerAddress(s.substring(0, colon), parsePort(s.substring(colon + 1)));
        }
        return new ServerAddress(s, defaultPort);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + text);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** A stable key for storing per-server settings. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
