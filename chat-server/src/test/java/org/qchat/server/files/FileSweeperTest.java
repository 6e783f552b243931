package org.qchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.store.UserStore;
import org.qchat.server.store.blob.FileBlobStore;
import org.qchat.server.store.blob.PartialBlob;
import org.qchat.server.store.file.FileCatalog;
import org.qchat.server.store.file.FileCatalog.StoredFile;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Names;

/**
 * What the sweep frees and what it keeps, on a real database (H2, migrated by Flyway) and a real
 * file store, with the clock moved on by hand.
 */
class FileSweeperTest {

    @TempDir
    Path dir;
    private Database db;
    private final FileCatalog catalog = new FileCatalog();
    private final Instant start = Instant.now();

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private String store(FileBlobStore blobs, byte[] data, long recordedAt) throws Exception {
        String sha = Files.sha256(data);
        PartialBlob partial = blobs.openPartial("up-" + sha);
        partial.append(0, ByteBuffer.wrap(data));
        assertThat(partial.commit(sha)).isTrue();
        db.txRun(tx -> catalog.record(tx, new StoredFile(sha, data.length, "application/octet-stream", null, null, null),
                recordedAt));
        return sha;
    }

    private long used(long user) {
        return db.<Long, RuntimeException>tx(tx -> catalog.usedBytes(tx, user));
    }

    private boolean recorded(String sha) {
        return db.<Boolean, RuntimeException>tx(tx -> catalog.file(tx, sha).isPresent());
    }

    private FileSweeper sweeperAt(FileBlobStore blobs, Duration later) {
        return new FileSweeper(db, catalog, blobs, Clock.fixed(start.plus(later), ZoneOffset.UTC));
    }

    @Test
    void unfinishedUploadsUnsentFilesAndFilesNothingRefersToGoWhatAMessageCarriesStays() throws Exception {
        db = Database.open(ServerConfig.builder().dataDir(dir.resolve("data")).build());
        FileBlobStore blobs = new FileBlobStore(dir.resolve("files"));
        long t0 = start.toEpochMilli();
        long alice = db.tx(tx -> new UserStore().insert(tx, Names.unique("a"), "a", "x", t0));
        long bob = db.tx(tx -> new UserStore().insert(tx, Names.unique("b"), "b", "x", t0));

        String unsent = store(blobs, Files.bytes(1, 5000), t0);
        String sent = store(blobs, Files.bytes(2, 5000), t0);
        String orphan = store(blobs, Files.bytes(3, 5000), t0);
        db.txRun(tx -> {
            catalog.hold(tx, alice, unsent, "unsent.bin", t0);
            catalog.hold(tx, bob, sent, "sent.bin", t0);
            catalog.reference(tx, bob, "m-1", sent);
        });
        try (PartialBlob partial = blobs.openPartial("7-" + Files.sha256(new byte[9]))) {
            partial.append(0, ByteBuffer.wrap(new byte[3]));
        }

        assertThat(sweeperAt(blobs, Duration.ofMinutes(30)).sweep()).as("nothing is an hour old yet").isZero();
        assertThat(blobs.exists(orphan)).isTrue();

        assertThat(sweeperAt(blobs, Duration.ofHours(2)).sweep()).isEqualTo(1);
        assertThat(blobs.exists(orphan)).as("held by nobody, carried by no message").isFalse();
        assertThat(recorded(orphan)).isFalse();
        assertThat(blobs.exists(unsent)).as("alice may still send it today").isTrue();
        assertThat(blobs.partialLength("7-" + Files.sha256(new byte[9]))).isEqualTo(3);

        assertThat(sweeperAt(blobs, Duration.ofHours(25)).sweep()).isEqualTo(1);
        assertThat(blobs.exists(unsent)).as("held a day and never sent").isFalse();
        assertThat(used(alice)).isZero();
        assertThat(blobs.partialLength("7-" + Files.sha256(new byte[9]))).as("an upload idle for a day").isEqualTo(-1);
        assertThat(blobs.exists(sent)).as("a message carries it").isTrue();
        assertThat(used(bob)).isEqualTo(5000);

        db.txRun(tx -> catalog.unreference(tx, bob, "m-1"));
        assertThat(sweeperAt(blobs, Duration.ofHours(26)).sweep()).isEqualTo(1);
        assertThat(blobs.exists(sent)).as("its message was erased").isFalse();
    }
}
