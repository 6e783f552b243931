package org.qchat.server.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do, through its interface only. A subclass says how to open an
 * empty one ({@link #open()}) and how to close it and open it again on the same storage
 * ({@link #reopen()}), as a server restart would.
 */
public abstract class BlobStoreContract {

    /** A well-formed name that no test stores. */
    protected static final String ABSENT = "0".repeat(64);

    protected BlobStore store;

    /** A new, empty store. Called before each test. */
    protected abstract BlobStore open() throws Exception;

    /** Closes the store {@link #open()} (or the last reopen) returned and opens it again on the same storage. */
    protected abstract BlobStore reopen() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCommittedBlobIsStoredUnderItsHashAndReadsBackWhole() throws Exception {
        byte[] content = bytes(300_000, 1);
        String sha = sha256(content);

        assertThat(upload("u1", content, 64 * 1024).commit(sha)).isTrue();

        assertThat(store.exists(sha)).isTrue();
        assertThat(store.size(sha)).isEqualTo(content.length);
        assertThat(readAll(sha)).isEqualTo(content);
        assertThat(store.partialLength("u1")).isEqualTo(-1);
    }

    @Test
    void readsAtAnyPositionReturnWhatIsThereAndMinusOneAtTheEnd() throws Exception {
        byte[] content = bytes(10_000, 2);
        String sha = store(content);

        try (BlobReader reader = store.openReader(sha)) {
            assertThat(reader.size()).isEqualTo(10_000);
            ByteBuffer middle = ByteBuffer.allocate(100);
            assertThat(reader.read(5_000, middle)).isEqualTo(100);
            assertThat(middle.array()).isEqualTo(slice(content, 5_000, 100));

            ByteBuffer acrossTheEnd = ByteBuffer.allocate(100);
            assertThat(reader.read(9_950, acrossTheEnd)).isEqualTo(50);
            assertThat(slice(acrossTheEnd.array(), 0, 50)).isEqualTo(slice(content, 9_950, 50));

            assertThat(reader.read(10_000, ByteBuffer.allocate(10))).isEqualTo(-1);
            assertThat(reader.read(20_000, ByteBuffer.allocate(10))).isEqualTo(-1);
            assertThatThrownBy(() -> reader.read(-1, ByteBuffer.allocate(10)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyFileIsABlobToo() throws Exception {
        String sha = sha256(new byte[0]);

        try (PartialBlob partial = store.openPartial("empty")) {
            assertThat(partial.commit(sha)).isTrue();
        }

        assertThat(store.exists(sha)).isTrue();
        assertThat(store.size(sha)).isZero();
        try (BlobReader reader = store.openReader(sha)) {
            assertThat(reader.read(0, ByteBuffer.allocate(10))).isEqualTo(-1);
        }
    }

    @Test
    void aPartialGrowsOnlyAtItsEndAndAWrongOffsetWritesNothing() throws Exception {
        byte[] content = bytes(1_000, 3);
        try (PartialBlob partial = store.openPartial("k")) {
            partial.append(0, ByteBuffer.wrap(content, 0, 400));

            assertThatThrownBy(() -> partial.append(300, ByteBuffer.wrap(content, 300, 100)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> partial.append(500, ByteBuffer.wrap(content, 500, 100)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(partial.length()).isEqualTo(400);
            assertThat(store.partialLength("k")).isEqualTo(400);

            partial.append(400, ByteBuffer.wrap(content, 400, 600));
            assertThat(partial.commit(sha256(content))).isTrue();
        }
        assertThat(readAll(sha256(content))).isEqualTo(content);
    }

    @Test
    void anAppendConsumesItsBufferFromItsPosition() throws Exception {
        byte[] content = bytes(100, 4);
        ByteBuffer framed = ByteBuffer.allocate(130);
        framed.position(18).put(content).flip().position(18);

        try (PartialBlob partial = store.openPartial("framed")) {
            partial.append(0, framed);
            assertThat(framed.hasRemaining()).isFalse();
            assertThat(partial.commit(sha256(content))).isTrue();
        }
        assertThat(readAll(sha256(content))).isEqualTo(content);
    }

    @Test
    void aCommitWithTheWrongHashStoresNothingAndDiscardsThePartial() throws Exception {
        byte[] content = bytes(5_000, 5);
        String claimed = sha256(bytes(5_000, 6));
        PartialBlob partial = upload("wrong", content, 1_000);

        assertThat(partial.commit(claimed)).isFalse();

        assertThat(store.exists(claimed)).isFalse();
        assertThat(store.exists(sha256(content))).isFalse();
        assertThat(store.partialLength("wrong")).isEqualTo(-1);
        try (PartialBlob again = store.openPartial("wrong")) {
            assertThat(again.length()).isZero();
        }
    }

    @Test
    void aCommittedOrFailedPartialIsClosed() throws Exception {
        byte[] content = bytes(10, 7);
        PartialBlob good = upload("good", content, 10);
        PartialBlob bad = upload("bad", content, 10);
        good.commit(sha256(content));
        bad.commit(ABSENT);

        for (PartialBlob closed : List.of(good, bad)) {
            assertThatThrownBy(() -> closed.append(10, ByteBuffer.allocate(1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> closed.commit(sha256(content))).isInstanceOf(IllegalStateException.class);
            closed.close();
        }
        store.openPartial("good").close();
        store.openPartial("bad").close();
    }

    @Test
    void committingBytesAlreadyStoredKeepsTheBlobAndDiscardsThePartial() throws Exception {
        byte[] content = bytes(2_000, 8);
        String sha = store(content);

        assertThat(upload("second", content, 500).commit(sha)).isTrue();

        assertThat(readAll(sha)).isEqualTo(content);
        assertThat(store.partialLength("second")).isEqualTo(-1);
    }

    @Test
    void aPartialResumesAfterARestartWithItsBytesAndItsHash() throws Exception {
        byte[] content = bytes(200_000, 9);
        try (PartialBlob first = store.openPartial("resume")) {
            first.append(0, ByteBuffer.wrap(content, 0, 123_457));
        }

        store = reopen();

        assertThat(store.partialLength("resume")).isEqualTo(123_457);
        try (PartialBlob resumed = store.openPartial("resume")) {
            assertThat(resumed.length()).isEqualTo(123_457);
            resumed.append(123_457, ByteBuffer.wrap(content, 123_457, content.length - 123_457));
            assertThat(resumed.commit(sha256(content))).isTrue();
        }
        assertThat(readAll(sha256(content))).isEqualTo(content);
    }

    @Test
    void aClosedPartialKeepsItsBytesForTheNextOpen() throws Exception {
        byte[] content = bytes(3_000, 10);
        upload("kept", slice(content, 0, 1_000), 300).close();

        try (PartialBlob again = store.openPartial("kept")) {
            assertThat(again.length()).isEqualTo(1_000);
            again.append(1_000, ByteBuffer.wrap(content, 1_000, 2_000));
            assertThat(again.commit(sha256(content))).isTrue();
        }
    }

    @Test
    void aKeyIsOpenOnceAtATime() throws Exception {
        PartialBlob first = store.openPartial("once");

        assertThatThrownBy(() -> store.openPartial("once")).isInstanceOf(IllegalStateException.class);
        store.openPartial("other").close();

        first.close();
        store.openPartial("once").close();
    }

    @Test
    void partialLengthIsMinusOneWithoutAPartialAndItsLengthOtherwise() throws Exception {
        assertThat(store.partialLength("never")).isEqualTo(-1);

        try (PartialBlob partial = store.openPartial("some")) {
            assertThat(store.partialLength("some")).isZero();
            partial.append(0, ByteBuffer.wrap(bytes(77, 11)));
            assertThat(store.partialLength("some")).isEqualTo(77);
        }
        assertThat(store.partialLength("some")).isEqualTo(77);
    }

    @Test
    void deletingAPartialForgetsItsBytesAndClosesItIfOpen() throws Exception {
        upload("closed", bytes(100, 12), 100).close();
        PartialBlob open = upload("open", bytes(100, 13), 100);

        store.deletePartial("closed");
        store.deletePartial("open");
        store.deletePartial("never-there");

        assertThat(store.partialLength("closed")).isEqualTo(-1);
        assertThat(store.partialLength("open")).isEqualTo(-1);
        assertThatThrownBy(() -> open.append(100, ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
        try (PartialBlob fresh = store.openPartial("open")) {
            assertThat(fresh.length()).isZero();
        }
    }

    @Test
    void aPartialThatSurvivesARacingDeleteStillHasItsBytes() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<PartialBlob> opener = threads.submit(() -> {
                    together.await();
                    try {
                        PartialBlob partial = store.openPartial("raced");
                        partial.append(partial.length(), ByteBuffer.wrap(bytes(10, 22)));
                        return partial;
                    } catch (IllegalStateException refusedOrClosedByTheDelete) {
                        return null;
                    }
                });
                Future<?> deleter = threads.submit(() -> {
                    together.await();
                    store.deletePartial("raced");
                    return null;
                });
                deleter.get(30, TimeUnit.SECONDS);
                PartialBlob survivor = opener.get(30, TimeUnit.SECONDS);
                if (survivor != null && stillOpen(survivor)) {
                    long length = survivor.length();
                    survivor.close();
                    assertThat(store.partialLength("raced")).as("round %d", round).isEqualTo(length);
                }
                store.deletePartial("raced");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Whether the partial still takes bytes: false once the store closed it. */
    private static boolean stillOpen(PartialBlob partial) throws IOException {
        try {
            partial.append(partial.length(), ByteBuffer.wrap(new byte[] {42}));
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    @Test
    void idlePartialsAreListedByKeyButNotTheOpenOnes() throws Exception {
        upload("b-idle", bytes(10, 14), 10).close();
        upload("a-idle", bytes(10, 15), 10).close();
        PartialBlob running = upload("running", bytes(10, 16), 10);
        Instant later = Instant.now().plusSeconds(3_600);
        Instant earlier = Instant.now().minusSeconds(3_600);

        assertThat(store.partialsIdleSince(later)).containsExactly("a-idle", "b-idle");
        assertThat(store.partialsIdleSince(earlier)).isEmpty();

        running.close();
        assertThat(store.partialsIdleSince(later)).containsExactly("a-idle", "b-idle", "running");
    }

    @Test
    void aMissingBlobIsAbsentEverywhere() throws Exception {
        assertThat(store.exists(ABSENT)).isFalse();
        assertThat(store.size(ABSENT)).isEqualTo(-1);
        assertThatThrownBy(() -> store.openReader(ABSENT)).isInstanceOf(NoSuchFileException.class);
        assertThat(store.delete(ABSENT)).isFalse();
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainSaysSo() throws Exception {
        String sha = store(bytes(1_000, 17));

        assertThat(store.delete(sha)).isTrue();

        assertThat(store.exists(sha)).isFalse();
        assertThat(store.size(sha)).isEqualTo(-1);
        assertThatThrownBy(() -> store.openReader(sha)).isInstanceOf(NoSuchFileException.class);
        assertThat(store.delete(sha)).isFalse();
    }

    @Test
    void malformedNamesAreRefusedByEveryMethod() {
        List<String> badShas = new ArrayList<>(List.of("", "abc", "A".repeat(64), "g".repeat(64), "0".repeat(63),
                "0".repeat(65), "../" + "0".repeat(61), "0".repeat(62) + "/x"));
        badShas.add(null);
        for (String sha : badShas) {
            assertThatThrownBy(() -> store.exists(sha)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.size(sha)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.openReader(sha)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(sha)).isInstanceOf(IllegalArgumentException.class);
        }
        List<String> badKeys = new ArrayList<>(List.of("", "..", "../escape", "a/b", "a\\b", "key.part", "with space",
                "ключ", "nul\0", "x".repeat(201)));
        badKeys.add(null);
        for (String key : badKeys) {
            assertThatThrownBy(() -> store.openPartial(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.partialLength(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deletePartial(key)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCommitRefusesAMalformedHashAndStaysOpen() throws Exception {
        try (PartialBlob partial = upload("stays", bytes(10, 18), 10)) {
            assertThatThrownBy(() -> partial.commit("ABC")).isInstanceOf(IllegalArgumentException.class);
            assertThat(partial.commit(sha256(bytes(10, 18)))).isTrue();
        }
    }

    @Test
    void theLongestKeyIsAccepted() throws Exception {
        String key = "K_-9".repeat(50);
        try (PartialBlob partial = store.openPartial(key)) {
            partial.append(0, ByteBuffer.wrap(bytes(10, 19)));
        }
        assertThat(store.partialLength(key)).isEqualTo(10);
    }

    @Test
    void closingTheStoreClosesItsOpenPartialsAndKeepsTheirBytes() throws Exception {
        PartialBlob open = upload("at-close", bytes(500, 20), 100);

        store = reopen();

        assertThatThrownBy(() -> open.append(500, ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
        assertThat(store.partialLength("at-close")).isEqualTo(500);
    }

    @Test
    void twoUploadsOfTheSameBytesCommittingTogetherBothSucceedAndLeaveOneWholeBlob() throws Exception {
        byte[] content = bytes(256 * 1024, 21);
        String sha = sha256(content);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                PartialBlob a = upload("alice-" + round, content, 32 * 1024);
                PartialBlob b = upload("bob-" + round, content, 32 * 1024);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> first = threads.submit(() -> {
                    together.await();
                    return a.commit(sha);
                });
                Future<Boolean> second = threads.submit(() -> {
                    together.await();
                    return b.commit(sha);
                });

                assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(readAll(sha)).isEqualTo(content);
                assertThat(store.partialLength("alice-" + round)).isEqualTo(-1);
                assertThat(store.partialLength("bob-" + round)).isEqualTo(-1);
                if (round % 2 == 0) {
                    assertThat(store.delete(sha)).isTrue();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyUploadsAtOnceEachStoreTheirOwnBytes() throws Exception {
        int uploads = 16;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int seed = 100 + i;
                Callable<String> one = () -> {
                    byte[] content = bytes(50_000 + seed, seed);
                    assertThat(upload("many-" + seed, content, 4_096).commit(sha256(content))).isTrue();
                    return sha256(content);
                };
                done.add(threads.submit(one));
            }
            for (int i = 0; i < uploads; i++) {
                String sha = done.get(i).get(30, TimeUnit.SECONDS);
                assertThat(sha256(readAll(sha))).isEqualTo(sha);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // --- helpers for subclasses too ---

    /** Opens the partial {@code key} and appends {@code content} in chunks of {@code chunk} bytes; leaves it open. */
    protected PartialBlob upload(String key, byte[] content, int chunk) throws IOException {
        PartialBlob partial = store.openPartial(key);
        for (int at = 0; at < content.length; at += chunk) {
            partial.append(at, ByteBuffer.wrap(content, at, Math.min(chunk, content.length - at)));
        }
        return partial;
    }

    /** Stores {@code content} as a blob and returns its name. */
    protected String store(byte[] content) throws IOException {
        String sha = sha256(content);
        assertThat(upload("store-" + sha.substring(0, 16), content, 8_192).commit(sha)).isTrue();
        return sha;
    }

    /** The whole blob, read in odd-sized pieces so that no read lines up with anything. */
    protected byte[] readAll(String sha) throws IOException {
        try (BlobReader reader = store.openReader(sha)) {
            byte[] all = new byte[Math.toIntExact(reader.size())];
            ByteBuffer piece = ByteBuffer.allocate(7_777);
            long position = 0;
            for (int n = reader.read(position, piece); n >= 0; n = reader.read(position, piece)) {
                piece.flip();
                piece.get(all, (int) position, n);
                piece.clear();
                position += n;
            }
            assertThat(position).isEqualTo(all.length);
            return all;
        }
    }

    protected static byte[] bytes(int length, long seed) {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        return content;
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    protected static byte[] slice(byte[] content, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(content, from, part, 0, length);
        return part;
    }
}
