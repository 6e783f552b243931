package org.qchat.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.qchat.server.db.Database;
import org.qchat.server.store.CursorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device cursors ({@code sync.ack}), coalesced in memory and written in batches. An advance is
 * taken into memory at once — the {@code ok} does not wait for a disk write — and the cursor
 * writer stores every cursor that moved since its last write in one transaction, at most
 * {@link #LINGER_MILLIS} later. Many acks of one device and conversation cost one row write.
 *
 * <p>So a crash may forget the cursor moves of its last moments: the device is then offered again
 * messages it already holds, and drops them by seq (docs/protocol.md, 11.4). Nothing is lost.
 *
 * <p>Threads: {@link #advance} and {@link #pendingOf} on any thread; writes on the committer's.
 */
public final class CursorWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CursorWriter.class);
    static final long LINGER_MILLIS = 1000;
    private static final int MAX_BATCH = 4096;

    /** One cursor: (user, device, conversation). */
    public record Key(long userId, String device, long convId) {
    }

    private final Database db;
    private final CursorStore cursors;
    private final Clock clock;
    /** Cursors moved and not yet written, with the highest seq asked for. */
    private final ConcurrentHashMap<Key, Long> pending = new ConcurrentHashMap<>();
    private final GroupCommitter<Key> committer;

    public CursorWriter(Database db, CursorStore cursors, Clock clock) {
        this.db = db;
        this.cursors = cursors;
        this.clock = clock;
        this.committer = new GroupCommitter<>("qchat-cursor-writer", MAX_BATCH, TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS),
                new Batches());
    }

    public void start() {
        committer.start();
    }

    /** Moves the cursor forward to {@code seq} (never back) in memory; it is written shortly. Never blocks. */
    public void advance(long userId, String device, long convId, long seq) {
        Key key = new Key(userId, device, convId);
        boolean[] queued = new boolean[1];
        pending.compute(key, (k, old) -> {
            queued[0] = old == null;
            return old == null ? seq : Math.max(old, seq);
        });
        if (queued[0]) {
            committer.submit(key);
        }
    }

    /** The cursors of one device that moved and are not written yet, by conversation. */
    public Map<Long, Long> pendingOf(long userId, String device) {
        Map<Long, Long> out = new HashMap<>();
        pending.forEach((key, seq) -> {
            if (key.userId() == userId && key.device().equals(device)) {
                out.put(key.convId(), seq);
            }
        });
        return out;
    }

    /** The highest cursor of any device of the user in the conversation that moved and is not written yet, 0 if none. */
    public long pendingMaxOf(long userId, long convId) {
        long max = 0;
        for (Map.Entry<Key, Long> e : pending.entrySet()) {
            if (e.getKey().userId() == userId && e.getKey().convId() == convId) {
                max = Math.max(max, e.getValue());
            }
        }
        return max;
    }

    /** Cursors waiting to be written. */
    public int queued() {
        return committer.queued();
    }

    /** Writes every moved cursor and stops. */
    @Override
    public void close() {
        committer.close();
    }

    private final class Batches implements GroupCommitter.BatchWriter<Key> {

        @Override
        public void write(List<Key> batch) {
            List<CursorStore.Advance> rows = new ArrayList<>(batch.size());
            // A key is queued once while it waits; a set keeps that true even if a retry raced.
            for (Key key : new java.util.LinkedHashSet<>(batch)) {
                Long seq = pending.get(key);
                if (seq != null) {
                    rows.add(new CursorStore.Advance(key.userId(), key.device(), key.convId(), seq));
                }
            }
            long now = clock.millis();
            try {
                db.txRun(c -> cursors.advanceAll(c, rows, now));
            } catch (RuntimeException e) {
                log.warn("writing {} cursors failed; retrying: {}", rows.size(), e.toString());
                rows.forEach(row -> committer.submit(new Key(row.userId(), row.device(), row.convId())));
                return;
            }
            for (CursorStore.Advance row : rows) {
                Key key = new Key(row.userId(), row.device(), row.convId());
                if (!pending.remove(key, row.seq())) {
                    // Moved again while this batch was written: the next batch writes it.
                    committer.submit(key);
                }
            }
        }

        @Override
        public void reject(Key key, Exception cause) {
            // Submitted during shutdown: the close writes what was queued before; this one is lost
            // like any cursor move of a crash's last moments.
        }
    }
}
