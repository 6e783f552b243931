package org.qchat.server.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing a user's devices in every process that shares one PostgreSQL database: every server on
 * it listens on the {@code qchat_devices} channel, and whoever disables an account or resets or
 * changes a password (a node, or the {@code user} command run beside the servers) notifies it.
 * PostgreSQL delivers a notification only after its transaction commits and to every listener, so
 * no server of a cluster misses it, with or without Redis.
 */
public final class DeviceNotices implements DeviceCloser.Elsewhere, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceNotices.class);
    private static final String CHANNEL = "qchat_devices";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    /** Tells this process's own notifications from the others'. */
    private final String origin = UUID.randomUUID().toString();
    private volatile boolean closed;
    private Thread listener;

    public DeviceNotices(Database db) {
        this.db = db;
    }

    @Override
    public void closeDevices(long userId, String reason, String message) {
        String payload;
        try {
            payload = JSON.writeValueAsString(Map.of("origin", origin, "user", userId, "reason", reason, "message", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.txRun(c -> Jdbc.one(c, "SELECT pg_notify(?, ?)", rs -> 1, CHANNEL, payload));
    }

    /** Listens on its own connection and closes this process's devices of each user notified by another. */
    public void listen(DeviceCloser closer) {
        listener = new Thread(() -> {
            boolean warned = false;
            while (!closed) {
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                    warned = false;
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!closed) {
                        PGNotification[] notes = pg.getNotifications(1000);
                        if (notes != null) {
                            for (PGNotification note : notes) {
                                apply(note.getParameter(), closer);
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!closed && !warned) {
                        log.warn("listening for device closes failed ({}); retrying", e.getMessage());
                        warned = true;
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "qchat-device-notices");
        listener.setDaemon(true);
        listener.start();
    }

    private void apply(String payload, DeviceCloser closer) {
        try {
            Map<String, Object> note = JSON.readValue(payload, new TypeReference<>() { });
            if (origin.equals(note.get("origin"))) {
                return;
            }
            long userId = ((Number) note.get("user")).longValue();
            closer.closeLocalDevices(userId, null, (String) note.get("reason"), (String) note.get("message"));
        } catch (Exception e) {
            log.warn("ignored a device close notification: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
