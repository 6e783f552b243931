package org.qchat.server.service;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.model.UserInfo;
import org.qchat.server.db.Tx;
import org.qchat.server.state.StateEditor;

/**
 * Writes the system line that records a change to a group, with an English sentence for clients
 * that do not know the event (clients that do build their own, in their own language, from the
 * {@link SystemEvent}). Runs inside the change's transaction on the writer thread.
 */
final class SystemLines {

    /** Every event a system line may record; docs/protocol.md lists the same strings. */
    static final List<String> EVENTS = List.of("created", "joined", "left", "kicked", "role", "notice", "muted",
            "unmuted", "mute_all", "unmute_all", "dissolved");

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Directory directory;

    SystemLines(Directory directory) {
        this.directory = directory;
    }

    /** Writes {@code event} into group {@code groupId}'s conversation, pushed to {@code recipients}. */
    void write(StateEditor edit, long groupId, SystemEvent event, List<Long> recipients, long now)
            throws SQLException, ChatException {
        Tx c = edit.tx();
        String actor = name(directory.user(c, event.actorId()));
        String target = event.targetId() == null ? null : name(directory.user(c, event.targetId()));
        long[] to = recipients.stream().mapToLong(Long::longValue).toArray();
        edit.systemLine(groupId, event.actorId(), sentence(event, actor, target), event, to, now);
    }

    static String sentence(SystemEvent e, String actor, String target) {
        return switch (e.event()) {
            case "created" -> actor + " created the group";
            case "joined" -> e.actorId() == e.targetId() ? target + " joined the group"
                    : actor + " invited " + target + " to the group";
            case "left" -> target + " left the group";
            case "kicked" -> actor + " removed " + target + " from the group";
            case "role" -> "admin".equals(e.role()) ? actor + " made " + target + " an admin"
                    : actor + " removed " + target + " as admin";
            case "notice" -> e.notice() == null || e.notice().isEmpty() ? actor + " cleared the group notice"
                    : actor + " set the group notice: " + e.notice();
            case "muted" -> actor + " muted " + target + " until " + UNTIL.format(Instant.ofEpochMilli(e.until()));
            case "unmuted" -> actor + " unmuted " + target;
            case "mute_all" -> actor + " muted all members";
            case "unmute_all" -> actor + " unmuted all members";
            case "dissolved" -> actor + " dissolved the group";
            default -> throw new IllegalArgumentException("no sentence for " + e.event());
        };
    }

    private static String name(UserInfo user) {
        return user.nickname() == null || user.nickname().isBlank() ? user.username() : user.nickname();
    }
}
