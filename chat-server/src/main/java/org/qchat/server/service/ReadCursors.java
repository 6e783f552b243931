package org.qchat.server.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.Receipt;
import org.qchat.server.db.Database;
import org.qchat.server.store.ReadStateStore;

/**
 * A user's two cursors in a conversation, as receipts report them: delivered (the highest device
 * cursor, counting moves the cursor writer holds in memory) and read. Reading implies delivery, so
 * delivered is never below read. Reads the database; call it off the I/O threads.
 */
public final class ReadCursors {

    private final Database db;
    private final ReadStateStore store;
    private final CursorWriter cursorWriter;

    public ReadCursors(Database db, ReadStateStore store, CursorWriter cursorWriter) {
        this.db = db;
        this.store = store;
        this.cursorWriter = cursorWriter;
    }

    public Receipt of(long userId, long convId) {
        // Memory first: a move written between the two reads is then found in the database.
        long pending = cursorWriter.pendingMaxOf(userId, convId);
        return db.tx(c -> {
            long read = store.readOf(c, userId, convId);
            long delivered = Math.max(pending, store.deliveredOf(c, userId, convId));
            return new Receipt(userId, Math.max(delivered, read), read);
        });
    }

    /** The receipts of the listed users, in their order. */
    public List<Receipt> of(long convId, List<Long> userIds) {
        Map<Long, Long> pending = new HashMap<>();
        for (long userId : userIds) {
            pending.put(userId, cursorWriter.pendingMaxOf(userId, convId));
        }
        return db.tx(c -> {
            Map<Long, Long> reads = store.readsIn(c, convId, userIds);
            Map<Long, Long> delivered = store.deliveredIn(c, convId, userIds);
            List<Receipt> out = new ArrayList<>(userIds.size());
            for (long userId : userIds) {
                long read = reads.getOrDefault(userId, 0L);
                long got = Math.max(pending.get(userId), delivered.getOrDefault(userId, 0L));
                out.add(new Receipt(userId, Math.max(got, read), read));
            }
            return out;
        });
    }
}
