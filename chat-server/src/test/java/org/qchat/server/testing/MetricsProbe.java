package org.qchat.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Reads the server's own gauges from its {@code /metrics} endpoint, the way an operator's scraper
 * does. Each scrape is one HTTP/1.0 request on a socket that is closed before it returns, so
 * scraping leaves no connection (and no file descriptor) behind, which matters to tests that count
 * them.
 */
public final class MetricsProbe {

    private final int port;

    public MetricsProbe(int port) {
        this.port = port;
    }

    /** A port that was free a moment ago, for the server's metrics endpoint (the harness cannot report it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The value of an unlabelled gauge, e.g. {@code qchat_connections}. */
    public double gauge(String name) {
        for (String line : scrape().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new IllegalStateException("no gauge " + name + " in /metrics");
    }

    public String scrape() {
        return get("/metrics");
    }

    /** The body of {@code /health}. */
    public String health() {
        return get("/health");
    }

    private String get(String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || body < 0) {
                throw new IllegalStateException("bad " + path + " response: " + response);
            }
            return response.substring(body + 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " on port " + port, e);
        }
    }
}
