package org.qchat.client.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.protocol.packet.FileStored;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.ProveFile;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;

/** Sending images and files, with the test playing the server (protocol 8.9). */
class UploadTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long CONV = 12;
    private static final int KIB_128 = 128 * 1024;
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;
    private ClientHarness h;

    @BeforeEach
    void loggedIn() {
        h = new ClientHarness(dir);
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, 2, 0, 0)));
    }

    // ---- the happy path --------------------------------------------------------------------

    @Test
    void aFileGoesInFramesFromTheServersOffsetNeverMoreThanOneMebibyteAheadOfItsProgressThenItsMessageOnce()
            throws IOException {
        byte[] bytes = bytes(3 * MIB + 5, 1);
        Path file = write("report.pdf", bytes);

        ChatMessage shown = h.client.files().upload(CONV, file, MessageKind.FILE);

        assertThat(conv().messages()).containsExactly(conv().outgoing(shown.clientMsgId()).orElseThrow());
        ChatMessage outgoing = conv().messages().get(0);
        assertThat(outgoing.state()).isEqualTo(DeliveryState.SENDING);
        assertThat(outgoing.kind()).isEqualTo(MessageKind.FILE);
        assertThat(outgoing.file().name()).isEqualTo("report.pdf");
        assertThat(outgoing.file().size()).as("known once hashed").isEqualTo(bytes.length);
        UploadFile announced = h.transport().last(UploadFile.class);
        assertThat(announced.sha256()).isEqualTo(sha256(bytes));
        assertThat(announced.size()).isEqualTo(bytes.length);
        assertThat(announced.name()).isEqualTo("report.pdf");

        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 7, 0, null));

        assertThat(h.transport().chunks()).as("a whole window at once").extracting(FileChunk::offset)
                .containsExactly(0L, 1L * KIB_128, 2L * KIB_128, 3L * KIB_128, 4L * KIB_128, 5L * KIB_128,
                        6L * KIB_128, 7L * KIB_128);
        assertThat(h.transport().chunks()).allSatisfy(c -> {
            assertThat(c.direction()).isEqualTo(FileChunk.Direction.UPLOAD);
            assertThat(c.transferId()).isEqualTo(7);
            assertThat(c.length()).isEqualTo(KIB_128);
        });
        // The server writes frame after frame; the window moves with each file.progress.
        long acked = 0;
        while (acked < bytes.length) {
            acked = Math.min(bytes.length, acked + KIB_128);
            h.transport().receive(new UploadProgressPush(7, acked));
            assertThat(sentBytes()).as("sent beyond progress %d", acked).isLessThanOrEqualTo(acked + MIB);
        }
        assertThat(reassembled()).isEqualTo(bytes);
        FileChunk last = h.transport().chunks().get(h.transport().chunks().size() - 1);
        assertThat(last.offset()).isEqualTo(3L * MIB);
        assertThat(last.length()).isEqualTo(5);
        assertThat(h.transport().sent(SendMessage.class)).as("not before the file is stored").isEmpty();

        FileInfo stored = new FileInfo(sha256(bytes), "report.pdf", bytes.length, "application/pdf", null, null, null);
        h.transport().receive(new UploadDonePush(7, stored));

        SendMessage send = h.transport().last(SendMessage.class);
        assertThat(send.kind()).isEqualTo(MessageKind.FILE);
        assertThat(send.fileId()).isEqualTo(sha256(bytes));
        assertThat(send.name()).isEqualTo("report.pdf");
        assertThat(send.clientMsgId()).isEqualTo(shown.clientMsgId());
        assertThat(h.client.files().state(shown)).isEqualTo(TransferState.done(file, bytes.length));

        h.answer(SendMessage.class, r -> sent(r, 1));

        ChatMessage message = only();
        assertThat(message.state()).isEqualTo(DeliveryState.SENT);
        assertThat(message.kind()).isEqualTo(MessageKind.FILE);
        assertThat(message.file()).isEqualTo(stored);
        assertThat(h.client.files().state(message).path()).as("my own file, no download").isEqualTo(file);
        assertThat(h.transport().sent(SendMessage.class)).hasSize(1);
    }

    @Test
    void aFileTheServerAlreadyHoldsForMeIsSentWithoutData() throws IOException {
        byte[] bytes = bytes(5000, 2);
        ChatMessage shown = h.client.files().upload(CONV, write("a.bin", bytes), MessageKind.FILE);

        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "a.bin", "application/octet-stream")));

        assertThat(h.transport().chunks()).isEmpty();
        assertThat(h.transport().last(SendMessage.class).clientMsgId()).isEqualTo(shown.clientMsgId());
        assertThat(h.transport().last(SendMessage.class).fileId()).isEqualTo(sha256(bytes));
    }

    @Test
    void aChallengeIsAnsweredWithTheHashOfTheNonceAndTheChallengedBytes() throws Exception {
        byte[] bytes = bytes(200_000, 3);
        h.client.files().upload(CONV, write("movie.mp4", bytes), MessageKind.FILE);
        byte[] nonce = bytes(16, 4);

        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 9, 0,
                new UploadStarted.Challenge(70_000, 65_536, Base64.getEncoder().encodeToString(nonce))));

        ProveFile prove = h.transport().last(ProveFile.class);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update(nonce);
        expected.update(bytes, 70_000, 65_536);
        assertThat(prove.uploadId()).isEqualTo(9);
        assertThat(prove.proof()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(h.transport().chunks()).as("proved, not sent").isEmpty();

        h.answer(ProveFile.class, r -> new FileStored(r.id(), info(bytes, "movie.mp4", "video/mp4")));
        assertThat(h.transport().last(SendMessage.class).fileId()).isEqualTo(sha256(bytes));
    }

    // ---- links lost, failures, cancels -----------------------------------------------------

    @Test
    void afterTheLinkIsLostTheUploadAnnouncesItselfAgainAndGoesOnFromTheServersOffset() throws IOException {
        byte[] bytes = bytes(2 * MIB, 5);
        Path file = write("big.zip", bytes);
        h.client.files().upload(CONV, file, MessageKind.FILE);
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 7, 0, null));
        h.transport().receive(new UploadProgressPush(7, 2L * KIB_128));
        h.transport().receive(new UploadProgressPush(7, 4L * KIB_128));

        h.transport().drop("network down");
        h.transport().clearSent();
        h.reconnectAndResume(ME);

        UploadFile again = h.transport().last(UploadFile.class);
        assertThat(again.sha256()).isEqualTo(sha256(bytes));
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 3, 4L * KIB_128, null));
        List<FileChunk> resumed = h.transport().chunks();
        assertThat(resumed.get(0).offset()).as("from what the server kept").isEqualTo(4L * KIB_128);
        assertThat(resumed).allSatisfy(c -> assertThat(c.transferId()).isEqualTo(3));
        assertThat(resumed).extracting(FileChunk::offset).hasSize(8);
        // Progress of the lost upload id means nothing now.
        h.transport().receive(new UploadProgressPush(7, 12L * KIB_128));
        assertThat(h.transport().chunks()).hasSize(8);

        for (long acked = 5L * KIB_128; acked <= bytes.length; acked += KIB_128) {
            h.transport().receive(new UploadProgressPush(3, acked));
        }
        assertThat(h.transport().chunks().get(h.transport().chunks().size() - 1).offset())
                .isEqualTo(bytes.length - KIB_128);
    }

    @Test
    void aMessageWhoseLinkDroppedBeforeItsAnswerIsResentWithItsClientMsgIdButTheFileIsNotUploadedAgain()
            throws IOException {
        byte[] bytes = bytes(1000, 6);
        ChatMessage shown = h.client.files().upload(CONV, write("note.txt", bytes), MessageKind.FILE);
        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "note.txt", "text/plain")));
        assertThat(h.transport().sent(SendMessage.class)).hasSize(1);

        h.transport().drop("network down");
        h.transport().clearSent();
        h.reconnectAndResume(ME);

        assertThat(h.transport().sent(UploadFile.class)).isEmpty();
        assertThat(h.transport().sent(SendMessage.class)).hasSize(1);
        SendMessage resent = h.answer(SendMessage.class, r -> sent(r, 1));
        assertThat(resent.clientMsgId()).isEqualTo(shown.clientMsgId());
        assertThat(resent.kind()).isEqualTo(MessageKind.FILE);
        assertThat(resent.fileId()).isEqualTo(sha256(bytes));
        assertThat(only().state()).isEqualTo(DeliveryState.SENT);
        assertThat(only().seq()).isEqualTo(1);
    }

    @Test
    void anUploadTheServerGivesUpOnFailsWithAReasonAndARetryStartsOver() throws IOException {
        byte[] bytes = bytes(10_000, 7);
        ChatMessage shown = h.client.files().upload(CONV, write("a.txt", bytes), MessageKind.FILE);
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 4, 0, null));

        h.transport().receive(new UploadFailedPush(4, ErrorCode.BAD_REQUEST, "the bytes do not match sha256"));

        assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(only().errorKey()).isEqualTo(Reasons.CHANGED);
        assertThat(h.client.files().state(shown).phase()).isEqualTo(TransferState.Phase.FAILED);
        assertThat(h.client.files().state(shown).reasonKey()).isEqualTo(Reasons.CHANGED);

        h.client.retry(shown.clientMsgId());

        assertThat(only().state()).isEqualTo(DeliveryState.SENDING);
        assertThat(h.transport().sent(UploadFile.class)).hasSize(2);
        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "a.txt", "text/plain")));
        h.answer(SendMessage.class, r -> sent(r, 1));
        assertThat(only().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aFileThatCannotBeReadFailsWithoutBotheringTheServer() {
        ChatMessage shown = h.client.files().upload(CONV, dir.resolve("gone.txt"), MessageKind.FILE);

        assertThat(h.transport().sent(UploadFile.class)).isEmpty();
        assertThat(h.client.files().state(shown).reasonKey()).isEqualTo(Reasons.UNREADABLE);
        assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void cancellingSendsFileCancelAndTakesTheMessageAway() throws IOException {
        byte[] bytes = bytes(3 * MIB, 8);
        ChatMessage shown = h.client.files().upload(CONV, write("big.iso", bytes), MessageKind.FILE);
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 5, 0, null));
        int framesBefore = h.transport().chunks().size();

        assertThat(h.client.files().cancel(shown)).isTrue();

        assertThat(h.transport().last(CancelTransfer.class).transferId()).isEqualTo(5);
        h.answer(CancelTransfer.class, r -> new Ok(r.id()));
        assertThat(conv().messages()).isEmpty();
        assertThat(h.client.files().state(shown)).isEqualTo(TransferState.NOT_STARTED);
        h.transport().receive(new UploadProgressPush(5, KIB_128));
        assertThat(h.transport().chunks()).hasSize(framesBefore);
        h.transport().drop("network down");
        h.transport().clearSent();
        h.reconnectAndResume(ME);
        assertThat(h.transport().sent(UploadFile.class)).isEmpty();
    }

    @Test
    void anUploadCancelledBeforeTheServerAnsweredIsClosedOnTheServerWhenItAnswers() throws IOException {
        ChatMessage shown = h.client.files().upload(CONV, write("a.bin", bytes(500_000, 15)), MessageKind.FILE);

        h.client.files().cancel(shown);
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 6, 0, null));

        assertThat(h.transport().last(CancelTransfer.class).transferId()).isEqualTo(6);
        assertThat(h.transport().chunks()).isEmpty();
    }

    @Test
    void aRateLimitedUploadTriesAgainAfterAPause() throws IOException {
        byte[] bytes = bytes(100, 9);
        h.client.files().upload(CONV, write("a.txt", bytes), MessageKind.FILE);

        h.fail(UploadFile.class, ErrorCode.RATE_LIMITED);
        assertThat(h.hasUnanswered(UploadFile.class)).isFalse();
        h.scheduler.advance(Duration.ofMillis(999));
        assertThat(h.hasUnanswered(UploadFile.class)).isFalse();
        h.scheduler.advance(Duration.ofMillis(1));
        h.fail(UploadFile.class, ErrorCode.RATE_LIMITED);
        h.scheduler.advance(Duration.ofSeconds(2));

        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "a.txt", "text/plain")));
        assertThat(h.transport().sent(SendMessage.class)).hasSize(1);
    }

    // ---- images ----------------------------------------------------------------------------

    @Test
    void pastedImageBytesAreKeptInTheCacheUnderTheirHashAndSentAsAnImage() throws IOException {
        byte[] png = bytes(40_000, 10);

        ChatMessage shown = h.client.files().upload(CONV, png, "screenshot.png", MessageKind.IMAGE);

        Path cached = dir.resolve("cache").resolve("images").resolve(sha256(png) + ".png");
        assertThat(cached).hasBinaryContent(png);
        assertThat(shown.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(h.transport().last(UploadFile.class).name()).isEqualTo("screenshot.png");
        FileInfo stored = new FileInfo(sha256(png), "screenshot.png", png.length, "image/png", 800, 600, "AAAA");
        h.answer(UploadFile.class, r -> new FileStored(r.id(), stored));
        assertThat(h.transport().last(SendMessage.class).kind()).isEqualTo(MessageKind.IMAGE);
        h.answer(SendMessage.class, r -> sent(r, 1));

        assertThat(only().file()).isEqualTo(stored);
        assertThat(h.client.files().download(only())).isEqualTo(TransferState.done(cached, png.length));
        assertThat(h.transport().sent(org.qchat.protocol.packet.DownloadFile.class)).isEmpty();
    }

    @Test
    void anImageTheServerCannotDrawIsSentAsAFile() throws IOException {
        byte[] bytes = bytes(3000, 11);
        h.client.files().upload(CONV, write("photo.heic", bytes), MessageKind.IMAGE);

        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "photo.heic", "application/octet-stream")));

        assertThat(h.transport().last(SendMessage.class).kind()).isEqualTo(MessageKind.FILE);
    }

    @Test
    void anImageRefusedAsAnImageGoesAgainAsAFileUnderTheSameClientMsgId() throws IOException {
        byte[] bytes = bytes(3000, 12);
        h.client.files().upload(CONV, write("huge.png", bytes), MessageKind.IMAGE);
        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "huge.png", "image/png")));

        SendMessage asImage = h.fail(SendMessage.class, ErrorCode.BAD_REQUEST);

        SendMessage asFile = h.transport().last(SendMessage.class);
        assertThat(asImage.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(asFile.kind()).isEqualTo(MessageKind.FILE);
        assertThat(asFile.clientMsgId()).isEqualTo(asImage.clientMsgId());
        h.answer(SendMessage.class, r -> sent(r, 1));
        assertThat(only().kind()).isEqualTo(MessageKind.FILE);
    }

    @Test
    void theSameBytesSentTwiceUploadOnceAndTheSecondIsStoredInstantly() throws IOException {
        byte[] bytes = bytes(300_000, 13);
        Path file = write("cat.png", bytes);
        h.client.files().upload(CONV, file, MessageKind.IMAGE);
        h.client.files().upload(CONV, file, MessageKind.IMAGE);
        assertThat(h.transport().sent(UploadFile.class)).as("the second waits for the first").hasSize(1);

        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 1, 0, null));
        h.transport().receive(new UploadDonePush(1, info(bytes, "cat.png", "image/png")));

        assertThat(h.transport().sent(UploadFile.class)).hasSize(2);
        h.answer(UploadFile.class, r -> new FileStored(r.id(), info(bytes, "cat.png", "image/png")));
        assertThat(h.transport().sent(SendMessage.class)).hasSize(2);
        assertThat(h.transport().chunks()).extracting(FileChunk::transferId).containsOnly(1L);
    }

    // ---- progress --------------------------------------------------------------------------

    @Test
    void progressIsToldAtMostTenTimesASecondAndTheLatestAlwaysArrives() throws IOException {
        byte[] bytes = bytes(3 * MIB, 14);
        ChatMessage shown = h.client.files().upload(CONV, write("big.bin", bytes), MessageKind.FILE);
        List<TransferState> told = new ArrayList<>();
        FileTransfers.Watch watch = h.client.files().watch(shown, told::add);
        h.answer(UploadFile.class, r -> new UploadStarted(r.id(), 2, 0, null));
        told.clear();

        for (int i = 1; i <= 8; i++) {
            h.scheduler.advance(Duration.ofMillis(10));
            h.transport().receive(new UploadProgressPush(2, (long) i * KIB_128));
        }
        assertThat(told).as("within 100 ms, one notice at most").hasSizeLessThanOrEqualTo(1);

        h.scheduler.advance(Duration.ofMillis(100));
        TransferState latest = told.get(told.size() - 1);
        assertThat(latest.phase()).isEqualTo(TransferState.Phase.TRANSFERRING);
        assertThat(latest.done()).isEqualTo(8L * KIB_128);
        assertThat(latest.total()).isEqualTo(bytes.length);
        assertThat(latest.bytesPerSecond()).isPositive();

        watch.close();
        h.transport().receive(new UploadProgressPush(2, 16L * KIB_128));
        h.scheduler.advance(Duration.ofSeconds(1));
        assertThat(told).last().isEqualTo(latest);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Conversation conv() {
        return h.client.conversations().get(CONV).orElseThrow();
    }

    private ChatMessage only() {
        assertThat(conv().messages()).hasSize(1);
        return conv().messages().get(0);
    }

    private long sentBytes() {
        return h.transport().chunks().stream().mapToLong(FileChunk::length).sum();
    }

    private byte[] reassembled() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long expected = 0;
        for (FileChunk chunk : h.transport().chunks()) {
            assertThat(chunk.offset()).as("frames follow each other without gap or overlap").isEqualTo(expected);
            byte[] data = new byte[chunk.length()];
            chunk.data().duplicate().get(data);
            out.writeBytes(data);
            expected += data.length;
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static MessageSent sent(SendMessage r, long seq) {
        return new MessageSent(r.id(), r.clientMsgId(), 9000 + seq, r.convId(), seq, Wire.TIME + seq);
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    static FileInfo info(byte[] bytes, String name, String mime) {
        return new FileInfo(sha256(bytes), name, bytes.length, mime, null, null, null);
    }
}
