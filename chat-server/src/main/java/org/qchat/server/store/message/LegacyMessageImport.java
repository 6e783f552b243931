package org.qchat.server.store.message;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.store.message.file.SegmentedMessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of a data dir written by qchat 0.1, which kept messages in the embedded H2
 * database's {@code messages} table: at the first start of this version every message moves, with
 * its msgId, seq, sender, clientMsgId, text and time, into the append-only log, and the table is
 * emptied. Cursors and everything else stay in H2 as they were.
 *
 * <p>Safe to interrupt: the table is emptied only after the log holds every row and was closed
 * (checkpointed and forced); a start after a crash in between continues after the last message
 * the log has, so nothing is copied twice.
 */
public final class LegacyMessageImport {

    private static final Logger log = LoggerFactory.getLogger(LegacyMessageImport.class);
    private static final String COUNT = "SELECT COUNT(*) FROM messages";
    private static final String ROWS = "SELECT id, conv_id, seq, sender_id, client_msg_id, body, created_at FROM messages "
            + "WHERE id > ? ORDER BY id";
    private static final String EMPTY = "DELETE FROM messages";
    private static final int ROWS_PER_APPEND = 10_000;

    private LegacyMessageImport() {
    }

    /**
     * Moves the database's messages into {@code target} if it holds any. Returns the log to use:
     * {@code target}, or the same directory reopened after the import was made durable.
     */
    public static SegmentedMessageLog run(Database db, SegmentedMessageLog target, Reopener reopen) {
        long rows = db.tx(tx -> Jdbc.one(tx, COUNT, rs -> rs.getLong(1)).orElse(0L));
        if (rows == 0) {
            return target;
        }
        long after = lastIdIn(target);
        log.info("upgrading the data dir: moving {} messages from the embedded database into the message log{}", rows,
                after > 0 ? " (continuing after message " + after + ")" : "");
        long start = System.nanoTime();
        long copied = db.tx(tx -> {
            long n = 0;
            try (PreparedStatement ps = tx.connection().prepareStatement(ROWS)) {
                ps.setFetchSize(ROWS_PER_APPEND);
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    List<MessageInfo> chunk = new ArrayList<>(ROWS_PER_APPEND);
                    while (rs.next()) {
                        chunk.add(new MessageInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6), rs.getLong(7)));
                        if (chunk.size() == ROWS_PER_APPEND) {
                            target.appendImported(chunk);
                            n += chunk.size();
                            chunk.clear();
                        }
                    }
                    if (!chunk.isEmpty()) {
                        target.appendImported(chunk);
                        n += chunk.size();
                    }
                }
            }
            return n;
        });
        target.close();
        SegmentedMessageLog reopened = reopen.open();
        db.txRun(tx -> Jdbc.update(tx, EMPTY));
        log.info("upgrade done: {} messages moved in {} ms", copied, (System.nanoTime() - start) / 1_000_000);
        return reopened;
    }

    /** The highest msgId the log holds: the last message of some conversation. */
    private static long lastIdIn(MessageLog messages) {
        long[] last = {0};
        messages.forEachHead((convId, lastSeq) -> {
            for (MessageInfo m : messages.range(convId, lastSeq, lastSeq, 1)) {
                last[0] = Math.max(last[0], m.msgId());
            }
        });
        return last[0];
    }

    /** Opens the log's directory again. */
    @FunctionalInterface
    public interface Reopener {
        SegmentedMessageLog open();
    }
}
