package org.qchat.server.files;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qchat.server.db.Database;
import org.qchat.server.store.blob.BlobStore;
import org.qchat.server.store.file.FileCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees what nobody will use: unfinished uploads a day after their last byte, files users held but
 * never sent a day after they got them, and then the bytes of files that no user holds and no message
 * carries (an erased message no longer carries its file). Run now and then by the server; safe to run
 * on several cluster nodes at once.
 */
public final class FileSweeper {

    private static final Logger log = LoggerFactory.getLogger(FileSweeper.class);

    /** How long an unfinished upload, or an unsent file, is kept. */
    public static final Duration KEEP_UNFINISHED = Duration.ofHours(24);
    /** A file is collected only this long after it was recorded, so an upload that is finishing is never raced. */
    static final Duration GRACE = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final Database db;
    private final FileCatalog catalog;
    private final BlobStore blobs;
    private final Clock clock;

    public FileSweeper(Database db, FileCatalog catalog, BlobStore blobs, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** One sweep; returns how many stored files it deleted. */
    public int sweep() throws IOException {
        long now = clock.millis();
        for (String key : blobs.partialsIdleSince(clock.instant().minus(KEEP_UNFINISHED))) {
            blobs.deletePartial(key);
        }
        db.txRun(tx -> catalog.expireUnsent(tx, now - KEEP_UNFINISHED.toMillis()));
        int deleted = 0;
        List<String> candidates;
        do {
            candidates = db.tx(tx -> catalog.unreferenced(tx, now - GRACE.toMillis(), BATCH));
            for (String sha : candidates) {
                // Forgotten first: a file the catalog no longer names is never offered, so its bytes may go.
                if (db.tx(tx -> catalog.forget(tx, sha))) {
                    blobs.delete(sha);
                    deleted++;
                }
            }
        } while (candidates.size() == BATCH);
        if (deleted > 0) {
            log.info("deleted {} stored files that nothing refers to", deleted);
        }
        return deleted;
    }
}
