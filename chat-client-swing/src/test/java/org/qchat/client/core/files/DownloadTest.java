package org.qchat.client.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.core.files.UploadTest.bytes;
import static org.qchat.client.core.files.UploadTest.sha256;
import static org.qchat.client.testing.Wire.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.protocol.packet.DownloadFailedPush;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.Ok;

/** Fetching images and files, with the test playing the server (protocol 8.9). */
class DownloadTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long BOB = 2;
    private static final long CONV = 12;
    private static final int KIB_128 = 128 * 1024;

    @TempDir
    Path dir;
    private ClientHarness h;
    private Path downloads;

    @BeforeEach
    void loggedIn() {
        h = start();
        downloads = dir.resolve("downloads");
    }

    private ClientHarness start() {
        ClientHarness harness = new ClientHarness(dir);
        harness.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(Wire.privateConv(CONV, BOB, 0, 0)));
        return harness;
    }

    // ---- the happy path --------------------------------------------------------------------

    @Test
    void aFileIsWrittenToItsPartFileAndRenamedOnceItsHashMatches() throws IOException {
        byte[] bytes = bytes(300_000, 1);
        ChatMessage message = receive(1, MessageKind.FILE, "report.pdf", bytes);

        TransferState now = h.client.files().download(message);

        assertThat(now.phase()).isEqualTo(TransferState.Phase.TRANSFERRING);
        DownloadFile asked = h.transport().last(DownloadFile.class);
        assertThat(asked.convId()).isEqualTo(CONV);
        assertThat(asked.seq()).isEqualTo(1);
        assertThat(asked.offset()).isZero();
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
        sendData(4, bytes, 0, 2 * KIB_128);

        assertThat(downloads.resolve("report.pdf.part")).hasSize(2L * KIB_128);
        assertThat(downloads.resolve("report.pdf")).doesNotExist();
        assertThat(h.client.files().state(message).done()).isEqualTo(2L * KIB_128);

        sendData(4, bytes, 2 * KIB_128, bytes.length);

        assertThat(h.client.files().state(message)).isEqualTo(TransferState.done(downloads.resolve("report.pdf"),
                bytes.length));
        assertThat(downloads.resolve("report.pdf")).hasBinaryContent(bytes);
        assertThat(downloads.resolve("report.pdf.part")).doesNotExist();
        assertThat(h.client.files().download(message).phase()).as("done stays done").isEqualTo(TransferState.Phase.DONE);
        assertThat(h.transport().sent(DownloadFile.class)).hasSize(1);
    }

    @Test
    void anImageOriginalGoesToTheCacheUnderItsHashAndIsNotFetchedTwice() throws IOException {
        byte[] png = bytes(50_000, 2);
        ChatMessage first = receive(1, MessageKind.IMAGE, "cat.png", png);
        ChatMessage second = receive(2, MessageKind.IMAGE, "same cat.png", png);

        h.client.files().download(first);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 1, first.file(), 0));
        sendData(1, png, 0, png.length);

        Path cached = dir.resolve("cache").resolve("images").resolve(sha256(png) + ".png");
        assertThat(h.client.files().state(first).path()).isEqualTo(cached);
        assertThat(cached).hasBinaryContent(png);
        assertThat(h.client.files().download(second)).isEqualTo(TransferState.done(cached, png.length));
        assertThat(h.transport().sent(DownloadFile.class)).hasSize(1);
        assertThat(downloads).doesNotExist();
    }

    // ---- resuming --------------------------------------------------------------------------

    @Test
    void afterTheLinkIsLostTheDownloadAsksAgainFromWhatItHas() throws IOException {
        byte[] bytes = bytes(600_000, 3);
        ChatMessage message = receive(1, MessageKind.FILE, "video.mp4", bytes);
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
        sendData(4, bytes, 0, 3 * KIB_128);

        h.transport().drop("network down");
        h.reconnectAndResume(ME);

        DownloadFile again = h.transport().last(DownloadFile.class);
        assertThat(again.offset()).isEqualTo(3L * KIB_128);
        // Frames of the old link's download id are nobody's now (ids are per link).
        sendData(4, bytes, 3 * KIB_128, 4 * KIB_128);
        assertThat(downloads.resolve("video.mp4.part")).hasSize(3L * KIB_128);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 1, message.file(), r.offset()));
        sendData(1, bytes, 3 * KIB_128, bytes.length);

        assertThat(downloads.resolve("video.mp4")).hasBinaryContent(bytes);
    }

    @Test
    void afterARestartTheDownloadResumesFromItsPartFilesLength() throws IOException {
        byte[] bytes = bytes(500_000, 4);
        ChatMessage message = receive(1, MessageKind.FILE, "setup.exe", bytes);
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
        sendData(4, bytes, 0, 2 * KIB_128);
        h.client.close();
        // Another file of the same name started meanwhile must not be taken for this one.
        Files.write(downloads.resolve("setup (1).exe.part"), new byte[] {1, 2, 3});

        h = start();
        ChatMessage again = receive(1, MessageKind.FILE, "setup.exe", bytes);
        h.client.files().download(again);

        DownloadFile resumed = h.transport().last(DownloadFile.class);
        assertThat(resumed.offset()).isEqualTo(2L * KIB_128);
        assertThat(h.client.files().state(again).done()).isEqualTo(2L * KIB_128);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 2, again.file(), r.offset()));
        sendData(2, bytes, 2 * KIB_128, bytes.length);
        assertThat(downloads.resolve("setup.exe")).hasBinaryContent(bytes);
        assertThat(downloads.resolve("setup (1).exe.part")).hasSize(3);
    }

    // ---- failures --------------------------------------------------------------------------

    @Test
    void aCorruptedChunkFailsTheDownloadAndNothingIsPutInPlace() throws IOException {
        byte[] bytes = bytes(300_000, 5);
        ChatMessage message = receive(1, MessageKind.FILE, "data.csv", bytes);
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
        byte[] damaged = bytes.clone();
        damaged[KIB_128 + 17] ^= 0x40;

        sendData(4, damaged, 0, damaged.length);

        TransferState state = h.client.files().state(message);
        assertThat(state.phase()).isEqualTo(TransferState.Phase.FAILED);
        assertThat(state.reasonKey()).isEqualTo(Reasons.CORRUPT);
        assertThat(files(downloads)).as("neither the file nor its part").isEmpty();

        assertThat(h.client.files().retry(message)).isTrue();
        assertThat(h.transport().last(DownloadFile.class).offset()).as("from nothing").isZero();
    }

    @Test
    void aMessageThatIsGoneFailsWithAReason() {
        ChatMessage message = receive(1, MessageKind.FILE, "old.txt", bytes(100, 6));
        h.client.files().download(message);

        h.fail(DownloadFile.class, ErrorCode.NOT_FOUND);

        assertThat(h.client.files().state(message).reasonKey()).isEqualTo(Reasons.GONE);
    }

    @Test
    void aRateLimitedDownloadTriesAgainAfterAPause() {
        ChatMessage message = receive(1, MessageKind.FILE, "a.txt", bytes(100, 7));
        h.client.files().download(message);

        h.fail(DownloadFile.class, ErrorCode.RATE_LIMITED);
        assertThat(h.hasUnanswered(DownloadFile.class)).isFalse();
        h.scheduler.advance(Duration.ofSeconds(1));

        assertThat(h.hasUnanswered(DownloadFile.class)).isTrue();
    }

    @Test
    void aDownloadTheServerCannotFinishStartsAgainFromWhatItHas() throws IOException {
        byte[] bytes = bytes(400_000, 8);
        ChatMessage message = receive(1, MessageKind.FILE, "a.bin", bytes);
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
        sendData(4, bytes, 0, KIB_128);

        h.transport().receive(new DownloadFailedPush(4, ErrorCode.UNAVAILABLE, "cannot read the file"));
        h.scheduler.advance(Duration.ofSeconds(1));

        assertThat(h.transport().last(DownloadFile.class).offset()).isEqualTo(KIB_128);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 5, message.file(), r.offset()));
        sendData(5, bytes, KIB_128, bytes.length);
        assertThat(downloads.resolve("a.bin")).hasBinaryContent(bytes);
    }

    @Test
    void cancellingSendsFileCancelDeletesThePartAndIgnoresFramesStillOnTheirWay() throws IOException {
        byte[] bytes = bytes(400_000, 9);
        ChatMessage message = receive(1, MessageKind.FILE, "a.bin", bytes);
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 6, message.file(), 0));
        sendData(6, bytes, 0, KIB_128);

        assertThat(h.client.files().cancel(message)).isTrue();

        assertThat(h.transport().last(CancelTransfer.class).transferId()).isEqualTo(6);
        h.answer(CancelTransfer.class, r -> new Ok(r.id()));
        sendData(6, bytes, KIB_128, bytes.length);
        assertThat(h.client.files().state(message)).isEqualTo(TransferState.NOT_STARTED);
        assertThat(files(downloads)).isEmpty();
    }

    @Test
    void aDownloadCancelledBeforeTheServerAnsweredIsClosedOnTheServerWhenItAnswers() {
        byte[] bytes = bytes(400_000, 14);
        ChatMessage message = receive(1, MessageKind.FILE, "a.bin", bytes);
        h.client.files().download(message);

        h.client.files().cancel(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 8, message.file(), 0));

        assertThat(h.transport().last(CancelTransfer.class).transferId()).isEqualTo(8);
        sendData(8, bytes, 0, KIB_128);
        assertThat(h.client.files().state(message)).isEqualTo(TransferState.NOT_STARTED);
    }

    @Test
    void aDownloadCancelledWhileItLookedForItsPartLeavesNoPartBehind() throws IOException {
        // A worker that runs its tasks only when the test says so.
        List<Runnable> worker = new ArrayList<>();
        h = new ClientHarness(dir, worker::add);
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 0, 0)));
        ChatMessage message = receive(1, MessageKind.FILE, "a.bin", bytes(1000, 16));

        h.client.files().download(message);
        h.client.files().cancel(message);
        while (!worker.isEmpty()) {
            worker.remove(0).run();
        }

        assertThat(files(downloads)).isEmpty();
        assertThat(h.transport().sent(DownloadFile.class)).isEmpty();
        assertThat(h.client.files().state(message)).isEqualTo(TransferState.NOT_STARTED);
    }

    // ---- names -----------------------------------------------------------------------------

    @Test
    void aNameThatPointsElsewhereLandsInTheDownloadsFolderAnyway() throws IOException {
        byte[] bytes = bytes(1000, 10);
        ChatMessage message = receive(1, MessageKind.FILE, "../../etc/passwd", bytes);

        download(message, bytes);

        assertThat(files(downloads)).containsExactly(downloads.resolve("passwd"));
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void reservedAndInvisibleCharactersNeverReachTheDisk() throws IOException {
        byte[] con = bytes(10, 11);
        byte[] controls = bytes(10, 12);
        download(receive(1, MessageKind.FILE, "CON", con), con);
        download(receive(2, MessageKind.FILE, "a\u0000b\nc\u202Etxt.exe", controls), controls);

        assertThat(files(downloads)).containsExactlyInAnyOrder(downloads.resolve("_CON"),
                downloads.resolve("abctxt.exe"));
    }

    @Test
    void aFileOfTheSameNameIsNeverReplaced() throws IOException {
        Files.createDirectories(downloads);
        Files.writeString(downloads.resolve("a.pdf"), "mine");
        Files.writeString(downloads.resolve("a (1).pdf"), "mine too");
        byte[] bytes = bytes(2000, 13);

        download(receive(1, MessageKind.FILE, "a.pdf", bytes), bytes);

        assertThat(downloads.resolve("a.pdf")).hasContent("mine");
        assertThat(downloads.resolve("a (1).pdf")).hasContent("mine too");
        assertThat(downloads.resolve("a (2).pdf")).hasBinaryContent(bytes);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Bob sends a file message; returns it as the conversation holds it. */
    private ChatMessage receive(long seq, MessageKind kind, String name, byte[] bytes) {
        FileInfo file = new FileInfo(sha256(bytes), name, bytes.length,
                kind == MessageKind.IMAGE ? "image/png" : "application/octet-stream", null, null, null);
        h.transport().receive(new MessagePush(new MessageInfo(5000 + seq, CONV, seq, BOB, "bob-" + seq,
                MessageInfo.fallbackText(kind, name), Wire.TIME + seq, kind, file)));
        ChatMessage held = h.client.conversations().get(CONV).orElseThrow().stored(seq).orElseThrow();
        assertThat(held.kind()).isEqualTo(kind);
        assertThat(held.file()).isEqualTo(file);
        return held;
    }

    private void download(ChatMessage message, byte[] bytes) {
        h.client.files().download(message);
        h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 40 + message.seq(), message.file(), 0));
        sendData(40 + message.seq(), bytes, 0, bytes.length);
        assertThat(h.client.files().state(message).phase()).isEqualTo(TransferState.Phase.DONE);
    }

    /** The server sends {@code bytes[from, to)} as 128 KiB data frames. */
    private void sendData(long downloadId, byte[] bytes, int from, int to) {
        for (int offset = from; offset < to; offset += KIB_128) {
            int length = Math.min(KIB_128, to - offset);
            h.transport().receive(new FileChunk(FileChunk.Direction.DOWNLOAD, downloadId, offset,
                    ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer()));
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }
}
