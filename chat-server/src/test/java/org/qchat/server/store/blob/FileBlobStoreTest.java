package org.qchat.server.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.testing.ChildJvm;

/**
 * {@link FileBlobStore}: the {@link BlobStoreContract}, and what only files have to get right besides:
 * where the files are, what a crash leaves (nothing that is served), rehashing what an earlier run
 * left, failures that keep a finished upload, and names that must not lead out of the directory.
 */
class FileBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    private Path dir() {
        return root.resolve("blobs");
    }

    @Override
    protected BlobStore open() {
        return new FileBlobStore(dir());
    }

    @Override
    protected BlobStore reopen() {
        store.close();
        return new FileBlobStore(dir());
    }

    @Test
    void blobsLiveUnderTheirFirstTwoHexDigitsAndPartialsUnderPartial() throws Exception {
        assertThat(store.exists(ABSENT)).isFalse();
        assertThat(dir()).doesNotExist();

        byte[] content = bytes(1_000, 1);
        String sha = sha256(content);
        PartialBlob partial = upload("42-" + sha, content, 100);
        assertThat(dir().resolve("partial").resolve("42-" + sha + ".part")).hasBinaryContent(content);

        assertThat(partial.commit(sha)).isTrue();

        assertThat(dir().resolve(sha.substring(0, 2)).resolve(sha)).hasBinaryContent(content);
        assertThat(dir().resolve("partial")).isEmptyDirectory();
    }

    @Test
    void aFileBesideABlobsNameOrAFinishedPartialIsNeverServed() throws Exception {
        byte[] content = bytes(4_000, 2);
        String sha = sha256(content);
        Path shard = Files.createDirectories(dir().resolve(sha.substring(0, 2)));
        Files.write(shard.resolve(sha + ".tmp"), content);
        Files.write(Files.createDirectories(dir().resolve("partial")).resolve("7-" + sha + ".part"), content);

        assertThat(store.exists(sha)).isFalse();
        assertThat(store.size(sha)).isEqualTo(-1);
        assertThatThrownBy(() -> store.openReader(sha)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aCrashInTheMiddleOfAnUploadLeavesNothingServedAndTheUploadResumes() throws Exception {
        int length = 8 * 1024 * 1024;
        byte[] content = bytes(length, 3);
        String sha = sha256(content);
        long acknowledged;
        try (ChildJvm child = ChildJvm.start(BlobUploaderMain.class, "upload", dir().toString(), "crash", "" + length,
                "3")) {
            acknowledged = Long.parseLong(child.awaitLine("AT ").substring(3));
            child.kill();
        }

        store = reopen();

        assertThat(store.exists(sha)).isFalse();
        assertThatThrownBy(() -> store.openReader(sha)).isInstanceOf(NoSuchFileException.class);
        long kept = store.partialLength("crash");
        assertThat(kept).isBetween(acknowledged, (long) length);
        try (PartialBlob resumed = store.openPartial("crash")) {
            assertThat(resumed.length()).isEqualTo(kept);
            resumed.append(kept, ByteBuffer.wrap(content, (int) kept, length - (int) kept));
            assertThat(resumed.commit(sha)).isTrue();
        }
        assertThat(readAll(sha)).isEqualTo(content);
    }

    @Test
    void aCrashAmongCommitsLeavesOnlyBlobsWhoseBytesMatchTheirNames() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(BlobUploaderMain.class, "commit-loop", dir().toString())) {
            for (int i = 0; i < 40; i++) {
                acknowledged.add(child.awaitLine("STORED ").substring(7));
            }
            child.kill();
        }

        store = reopen();

        for (String sha : acknowledged) {
            assertThat(store.exists(sha)).as("acknowledged blob %s", sha).isTrue();
        }
        List<Path> blobs = blobFiles();
        assertThat(blobs.size()).isGreaterThanOrEqualTo(acknowledged.size());
        for (Path blob : blobs) {
            String name = blob.getFileName().toString();
            assertThat(sha256(Files.readAllBytes(blob))).as("bytes of %s", name).isEqualTo(name);
            assertThat(readAll(name)).hasSize(Math.toIntExact(Files.size(blob)));
        }
    }

    @Test
    void openingAPartialHashesTheBytesAnEarlierRunLeftInItsFile() throws Exception {
        byte[] content = bytes(300_000, 4);
        Files.write(Files.createDirectories(dir().resolve("partial")).resolve("left.part"), slice(content, 0, 200_001));

        assertThat(store.partialLength("left")).isEqualTo(200_001);
        try (PartialBlob partial = store.openPartial("left")) {
            assertThat(partial.length()).isEqualTo(200_001);
            partial.append(200_001, ByteBuffer.wrap(content, 200_001, 99_999));
            assertThat(partial.commit(sha256(content))).isTrue();
        }
        assertThat(readAll(sha256(content))).isEqualTo(content);
    }

    @Test
    void bytesThatChangedOnDiskWhileThePartialWasClosedFailItsCommit() throws Exception {
        byte[] content = bytes(10_000, 5);
        upload("damaged", slice(content, 0, 6_000), 1_000).close();
        Path file = dir().resolve("partial").resolve("damaged.part");
        byte[] onDisk = Files.readAllBytes(file);
        onDisk[1234] ^= 1;
        Files.write(file, onDisk);

        try (PartialBlob partial = store.openPartial("damaged")) {
            partial.append(6_000, ByteBuffer.wrap(content, 6_000, 4_000));
            assertThat(partial.commit(sha256(content))).isFalse();
        }

        assertThat(file).doesNotExist();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void aWrongHashLeavesNoFileAtAll() throws Exception {
        byte[] content = bytes(50_000, 6);

        assertThat(upload("wrong", content, 5_000).commit(sha256(bytes(50_000, 7)))).isFalse();

        try (Stream<Path> files = Files.walk(dir())) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aCommitThatCannotPutTheBlobInPlaceThrowsAndKeepsTheWholePartialForARetry() throws Exception {
        byte[] content = bytes(20_000, 8);
        String sha = sha256(content);
        Files.createDirectories(dir());
        Path blocker = Files.write(dir().resolve(sha.substring(0, 2)), new byte[] {1});
        PartialBlob partial = upload("retry", content, 4_000);

        assertThatThrownBy(() -> partial.commit(sha)).isInstanceOf(IOException.class);

        assertThat(store.exists(sha)).isFalse();
        assertThat(store.partialLength("retry")).isEqualTo(content.length);
        Files.delete(blocker);
        try (PartialBlob again = store.openPartial("retry")) {
            assertThat(again.commit(sha)).isTrue();
        }
        assertThat(readAll(sha)).isEqualTo(content);
    }

    @Test
    void idlePartialsAreThoseLastWrittenBeforeTheCutoffAndOtherFilesAreIgnored() throws Exception {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        upload("old", bytes(10, 9), 10).close();
        upload("recent", bytes(10, 10), 10).close();
        upload("exactly-at-cutoff", bytes(10, 11), 10).close();
        Path partials = dir().resolve("partial");
        Files.setLastModifiedTime(partials.resolve("old.part"), FileTime.from(now.minusSeconds(25 * 3600)));
        Files.setLastModifiedTime(partials.resolve("recent.part"), FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(partials.resolve("exactly-at-cutoff.part"),
                FileTime.from(now.minusSeconds(24 * 3600)));
        for (String stranger : List.of("notes.txt", "bad key.part", ".part", "old.part.tmp")) {
            Files.write(partials.resolve(stranger), new byte[1]);
            Files.setLastModifiedTime(partials.resolve(stranger), FileTime.from(now.minusSeconds(99 * 3600)));
        }

        assertThat(store.partialsIdleSince(now.minusSeconds(24 * 3600))).containsExactly("old");
        assertThat(store.partialsIdleSince(now)).containsExactly("exactly-at-cutoff", "old", "recent");
    }

    @Test
    void idlePartialsOfAStoreThatNeverHadOneAreNone() throws Exception {
        assertThat(store.partialsIdleSince(Instant.now().plusSeconds(60))).isEmpty();
        assertThat(dir()).doesNotExist();
    }

    @Test
    void keysThatCouldLeadOutOfTheDirectoryCreateNothing() throws Exception {
        Files.createDirectories(dir());
        for (String key : List.of("..", "../outside", "..\\outside", "/tmp/abs", "a/../../b", "x.part", "C:evil")) {
            assertThatThrownBy(() -> store.openPartial(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deletePartial(key)).isInstanceOf(IllegalArgumentException.class);
        }

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files).containsOnly(root, dir());
        }
    }

    @Test
    void aReaderKeepsReadingABlobDeletedAfterItOpened() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        byte[] content = bytes(100_000, 12);
        String sha = store(content);

        try (BlobReader reader = store.openReader(sha)) {
            assertThat(store.delete(sha)).isTrue();
            ByteBuffer all = ByteBuffer.allocate(content.length);
            assertThat(reader.read(0, all)).isEqualTo(content.length);
            assertThat(all.array()).isEqualTo(content);
        }
    }

    /** Regular files in the two-hex-digit directories: the blobs, whatever their names. */
    private List<Path> blobFiles() throws IOException {
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getParent().getFileName().toString().equals("partial"))
                    .toList();
        }
    }
}
