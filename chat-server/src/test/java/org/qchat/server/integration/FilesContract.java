package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FileStored;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.KickMember;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.ProveFile;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.server.config.FileLimits;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.CuttingRelay;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Images;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** Files and images (docs/protocol.md 8.9): upload, resume, dedupe, limits, download, who may read. */
abstract class FilesContract extends ServerContract {

    static final long MAX_FILE = 60 * FileLimits.MIB;
    static final long MAX_IMAGE = 2 * FileLimits.MIB;
    static final long QUOTA = 80 * FileLimits.MIB;

    protected FilesContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void configure(ServerConfig.Builder config) {
        config.files(new FileLimits(null, MAX_FILE, MAX_IMAGE, 50_000_000L, QUOTA));
    }

    private static MessageSent sendFile(TestClient sender, long convId, MessageKind kind, FileInfo file) {
        return sender.expect(MessageSent.class,
                new SendMessage(sender.nextId(), convId, "f-" + Names.msgId(), null, kind, file.fileId(), null));
    }

    private static BufferedImage decodeThumb(FileInfo file) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(file.thumb())));
    }

    @Test
    void anImageGoesUpWithAThumbnailAndTheFriendDownloadsTheSameBytes() throws Exception {
        TestClient alice = newUser("img");
        TestClient bob = newUser("img");
        long conv = befriend(alice, bob);
        byte[] png = Images.drawn("png", 1200, 800);

        FileInfo stored = Files.upload(alice, png, "猫 cat.png");

        assertThat(stored.fileId()).isEqualTo(Files.sha256(png));
        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(stored.mime()).isEqualTo("image/png");
        assertThat(stored.width()).isEqualTo(1200);
        assertThat(stored.height()).isEqualTo(800);
        BufferedImage thumb = decodeThumb(stored);
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(240);
        assertThat(thumb.getWidth()).isEqualTo(240);
        assertThat(thumb.getHeight()).isEqualTo(160);

        MessageSent sent = sendFile(alice, conv, MessageKind.IMAGE, stored);
        MessageInfo pushed = bob.awaitPush(MessagePush.class, p -> p.message().convId() == conv).message();
        assertThat(pushed.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(pushed.file()).isEqualTo(stored);
        assertThat(pushed.text()).as("the fallback for text-only clients").isEqualTo("[image] 猫 cat.png");
        assertThat(pushed.seq()).isEqualTo(sent.seq());

        assertThat(Files.download(bob, conv, sent.seq(), 0)).isEqualTo(png);
        assertThat(Files.download(bob, conv, sent.seq(), 1000)).as("a download resumes from any offset")
                .isEqualTo(java.util.Arrays.copyOfRange(png, 1000, png.length));
        alice.assertNoViolations();
        bob.assertNoViolations();
    }

    @Test
    void aFileMessageIsStoredWithItsFileAndReadBackBySyncAndHistory() {
        TestClient alice = newUser("doc");
        TestClient bob = newUser("doc");
        long conv = befriend(alice, bob);
        byte[] pdf = ("%PDF-1.7\n" + "x".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        FileInfo stored = Files.upload(alice, pdf, "report.pdf");
        assertThat(stored.mime()).isEqualTo("application/pdf");
        assertThat(stored.width()).isNull();
        assertThat(stored.thumb()).isNull();

        MessageSent sent = sendFile(alice, conv, MessageKind.FILE, stored);
        alice.sendText(conv, "t-" + Names.msgId(), "see the report");

        List<MessageInfo> pulled = bob.pullAll(conv, 0);
        assertThat(pulled).hasSize(2);
        assertThat(pulled.get(0).seq()).isEqualTo(sent.seq());
        assertThat(pulled.get(0).kind()).isEqualTo(MessageKind.FILE);
        assertThat(pulled.get(0).file()).isEqualTo(stored);
        assertThat(pulled.get(0).text()).isEqualTo("[file] report.pdf");
        assertThat(pulled.get(1).kind()).as("text stays text").isNull();
        assertThat(pulled.get(1).file()).isNull();
        assertThat(bob.history(conv, null, 10).messages().get(0).file()).isEqualTo(stored);
    }

    @Test
    void aVersionOneClientKeepsWorkingAndReadsTheFallbackText() {
        TestClient alice = newUser("v1");
        TestClient bob = newUser("v1");
        long conv = befriend(alice, bob);
        TestClient old = server.connect();
        SessionStarted session = old.expect(SessionStarted.class,
                new Login(old.nextId(), 1, bob.username(), bob.password(), "old-client"));
        assertThat(session.protocol()).isEqualTo(1);

        sendFile(alice, conv, MessageKind.FILE, Files.upload(alice, Files.bytes(12, 2000), "notes.txt"));

        MessageInfo seen = old.awaitPush(MessagePush.class, p -> p.message().convId() == conv).message();
        assertThat(seen.text()).isEqualTo("[file] notes.txt");
        old.assertNoViolations();
    }

    @Test
    void theSameFileIsStoredOnceAndAnotherUserMustProveTheyHaveIt() {
        TestClient alice = newUser("dup");
        TestClient bob = newUser("dup");
        long conv = befriend(alice, bob);
        byte[] data = Files.bytes(11, 300_000);
        FileInfo first = Files.upload(alice, data, "a.bin");

        Response again = Files.start(alice, data, "renamed.bin");
        assertThat(again).as("the owner's second upload is instant").isInstanceOf(FileStored.class);
        assertThat(((FileStored) again).file().name()).isEqualTo("renamed.bin");

        UploadStarted challenged = (UploadStarted) Files.start(bob, data, "b.bin");
        assertThat(challenged.challenge()).as("someone else's copy: prove it").isNotNull();
        bob.expectError(new ProveFile(bob.nextId(), challenged.uploadId(), "00".repeat(32)), ErrorCode.FORBIDDEN);
        sendFileRefused(bob, conv, first, ErrorCode.NOT_FOUND);

        UploadStarted retry = (UploadStarted) Files.start(bob, data, "b.bin");
        FileInfo proved = bob.expect(FileStored.class,
                new ProveFile(bob.nextId(), retry.uploadId(), Files.proof(data, retry.challenge()))).file();
        assertThat(proved.fileId()).isEqualTo(first.fileId());
        MessageSent sent = sendFile(bob, conv, MessageKind.FILE, proved);
        assertThat(Files.download(alice, conv, sent.seq(), 0)).isEqualTo(data);
    }

    private static void sendFileRefused(TestClient sender, long conv, FileInfo file, ErrorCode code) {
        sender.expectError(new SendMessage(sender.nextId(), conv, "x-" + Names.msgId(), null, MessageKind.FILE,
                file.fileId(), null), code);
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefusedAndNeverServed() {
        TestClient alice = newUser("bad");
        TestClient bob = newUser("bad");
        long conv = befriend(alice, bob);
        byte[] claimed = Files.bytes(21, 200_000);
        byte[] sent = claimed.clone();
        sent[150_000] ^= 1;

        UploadStarted started = alice.expect(UploadStarted.class,
                new UploadFile(alice.nextId(), Files.sha256(claimed), claimed.length, "x.bin"));
        Files.send(alice, started.uploadId(), sent, 0, sent.length);
        UploadFailedPush failed = alice.awaitPush(UploadFailedPush.class, p -> p.uploadId() == started.uploadId());
        assertThat(failed.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failed.message()).contains("do not match");

        sendFileRefused(alice, conv, new FileInfo(Files.sha256(claimed), "x.bin", 1, "a", null, null, null),
                ErrorCode.NOT_FOUND);
        UploadStarted again = alice.expect(UploadStarted.class,
                new UploadFile(alice.nextId(), Files.sha256(claimed), claimed.length, "x.bin"));
        assertThat(again.offset()).as("what did not match was dropped").isZero();
        assertThat(again.challenge()).isNull();
    }

    @Test
    void aCutUploadResumesFromWhatTheServerWroteOnAnotherConnection() {
        TestClient first = newUser("cut");
        byte[] data = Files.bytes(31, 3 * 1024 * 1024 + 17);
        UploadStarted started = (UploadStarted) Files.start(first, data, "big.bin");
        long acked = Files.send(first, started.uploadId(), data, 0, 2 * 1024 * 1024);
        first.closeAbruptly();

        TestClient second = server.login(first.username(), first.password(), "laptop");
        UploadStarted resumed = (UploadStarted) Files.start(second, data, "big.bin");
        assertThat(resumed.offset()).as("at least what was acknowledged, at most what was sent")
                .isBetween(acked, 2L * 1024 * 1024);
        Files.send(second, resumed.uploadId(), data, resumed.offset(), data.length);
        FileInfo file = second.awaitPush(org.qchat.protocol.packet.UploadDonePush.class,
                p -> p.uploadId() == resumed.uploadId(), Duration.ofSeconds(30)).file();
        assertThat(file.fileId()).isEqualTo(Files.sha256(data));
    }

    @Test
    void aSecondUploadOfTheSameFileTakesOverFromTheFirst() {
        TestClient phone = newUser("two");
        TestClient laptop = server.login(phone.username(), phone.password(), "laptop");
        byte[] data = Files.bytes(41, 500_000);
        UploadStarted onPhone = (UploadStarted) Files.start(phone, data, "t.bin");
        Files.send(phone, onPhone.uploadId(), data, 0, 200_000);

        UploadStarted onLaptop = (UploadStarted) Files.start(laptop, data, "t.bin");

        UploadFailedPush lost = phone.awaitPush(UploadFailedPush.class, p -> p.uploadId() == onPhone.uploadId());
        assertThat(lost.code()).isEqualTo(ErrorCode.CONFLICT);
        Files.send(laptop, onLaptop.uploadId(), data, onLaptop.offset(), data.length);
        assertThat(laptop.awaitPush(org.qchat.protocol.packet.UploadDonePush.class,
                p -> p.uploadId() == onLaptop.uploadId()).file().size()).isEqualTo(data.length);
    }

    @Test
    void aDataFrameOutOfPlaceEndsTheUploadAndACancelledUploadStartsAgainAtZero() {
        TestClient alice = newUser("gap");
        byte[] data = Files.bytes(51, 400_000);
        UploadStarted started = (UploadStarted) Files.start(alice, data, "g.bin");
        alice.rawWrite(FileChunk.frame(FileChunk.Direction.UPLOAD, started.uploadId(), 1000, data, 1000, 1000));
        UploadFailedPush failed = alice.awaitPush(UploadFailedPush.class, p -> p.uploadId() == started.uploadId());
        assertThat(failed.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failed.message()).contains("expected offset 0");

        UploadStarted second = (UploadStarted) Files.start(alice, data, "g.bin");
        Files.send(alice, second.uploadId(), data, 0, 100_000);
        alice.expectOk(new CancelTransfer(alice.nextId(), second.uploadId()));
        // Frames of a cancelled upload are ignored, not answered.
        alice.rawWrite(FileChunk.frame(FileChunk.Direction.UPLOAD, second.uploadId(), 100_000, data, 100_000, 1000));
        alice.expectError(new CancelTransfer(alice.nextId(), second.uploadId()), ErrorCode.NOT_FOUND);
        UploadStarted third = (UploadStarted) Files.start(alice, data, "g.bin");
        assertThat(third.offset()).isZero();
        alice.assertNoViolations();
    }

    @Test
    void aClientThatIgnoresTheWindowNeitherStopsTheServerNorCorruptsItsUpload() {
        TestClient greedy = newUser("win");
        byte[] data = Files.bytes(61, 8 * 1024 * 1024);
        UploadStarted started = (UploadStarted) Files.start(greedy, data, "w.bin");
        try {
            for (int at = 0; at < data.length; at += FileChunk.MAX_DATA) {
                greedy.rawWrite(FileChunk.frame(FileChunk.Direction.UPLOAD, started.uploadId(), at, data, at, FileChunk.MAX_DATA));
            }
        } catch (java.io.UncheckedIOException cutOff) {
            // The server closed the connection while the frames were still going out.
        }
        // Whether the server kept up (the upload is stored) or cut the client off (TOO_LARGE), it serves others.
        java.util.Optional<org.qchat.protocol.packet.UploadDonePush> done = greedy.pollPush(
                org.qchat.protocol.packet.UploadDonePush.class, p -> p.uploadId() == started.uploadId(), Duration.ofSeconds(20));
        if (done.isPresent()) {
            assertThat(done.get().file().fileId()).isEqualTo(Files.sha256(data));
        } else {
            assertThat(greedy.awaitEof(Duration.ofSeconds(5))).isTrue();
        }
        TestClient other = newUser("win");
        assertThat(other.ping()).isNotNull();
    }

    @Test
    void sizesAndTheQuotaAreCheckedBeforeAnyByteIsStored() {
        TestClient alice = newUser("big");
        ErrorReply tooBig = alice.expectError(new UploadFile(alice.nextId(), Files.sha256(new byte[1]), MAX_FILE + 1, "big.iso"),
                ErrorCode.TOO_LARGE);
        assertThat(tooBig.message()).contains(String.valueOf(MAX_FILE));

        Files.upload(alice, Files.bytes(71, 30 * 1024 * 1024), "first.bin");
        ErrorReply overQuota = alice.expectError(new UploadFile(alice.nextId(), Files.sha256(new byte[2]), 55 * FileLimits.MIB,
                "second.bin"), ErrorCode.TOO_LARGE);
        assertThat(overQuota.message()).contains("quota");

        alice.expectError(new UploadFile(alice.nextId(), Files.sha256(new byte[3]), 10, ""), ErrorCode.BAD_REQUEST);
        alice.expectError(new UploadFile(alice.nextId(), Files.sha256(new byte[3]), 10, "n".repeat(256)), ErrorCode.BAD_REQUEST);
    }

    @Test
    void namesAreCleanedOfPathsAndControlCharacters() {
        TestClient alice = newUser("name");
        FileInfo file = Files.upload(alice, Files.bytes(81, 1000), "../../etc/\u202Egnp.exe\u0007 ");
        assertThat(file.name()).isEqualTo("gnp.exe");
        FileInfo dotted = Files.upload(alice, Files.bytes(82, 1000), "C:\\Users\\me\\..hidden");
        assertThat(dotted.name()).isEqualTo("hidden");
    }

    @Test
    void aBombImageIsStoredAsAFileButNeverDecodedOrSentAsAnImage() {
        TestClient alice = newUser("bomb");
        TestClient bob = newUser("bomb");
        long conv = befriend(alice, bob);
        byte[] bomb = Images.pngBomb(30_000);
        assertThat(bomb.length).isLessThan(20_000);

        FileInfo stored = Files.upload(alice, bomb, "bomb.png");

        assertThat(stored.mime()).isEqualTo("image/png");
        assertThat(stored.width()).as("not read as an image").isNull();
        assertThat(stored.thumb()).isNull();
        sendFileRefusedAs(alice, conv, stored, MessageKind.IMAGE, ErrorCode.BAD_REQUEST);
        MessageSent asFile = sendFile(alice, conv, MessageKind.FILE, stored);
        assertThat(Files.download(bob, conv, asFile.seq(), 0)).isEqualTo(bomb);
    }

    @Test
    void anImageOverTheImageLimitGoesAsAFile() {
        TestClient alice = newUser("huge");
        TestClient bob = newUser("huge");
        long conv = befriend(alice, bob);
        byte[] big = Images.drawn("png", 3000, 2000);
        byte[] padded = java.util.Arrays.copyOf(big, (int) MAX_IMAGE + 10);
        FileInfo stored = Files.upload(alice, padded, "big.png");
        assertThat(stored.width()).isNull();
        sendFileRefusedAs(alice, conv, stored, MessageKind.IMAGE, ErrorCode.BAD_REQUEST);
    }

    private static void sendFileRefusedAs(TestClient sender, long conv, FileInfo file, MessageKind kind, ErrorCode code) {
        sender.expectError(new SendMessage(sender.nextId(), conv, "x-" + Names.msgId(), null, kind, file.fileId(), null), code);
    }

    @Test
    void onlyThoseWhoMayReadTheMessageMayDownloadItsFile() {
        TestClient owner = newUser("auth");
        TestClient member = newUser("auth");
        TestClient stranger = newUser("auth");
        befriend(owner, member);
        GroupInfo group = owner.createGroup("files " + Names.msgId().substring(0, 6), JoinPolicy.INVITE);
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(member.userId())));
        long conv = group.convId();

        FileInfo before = Files.upload(owner, Files.bytes(91, 10_000), "before.bin");
        MessageSent early = sendFile(owner, conv, MessageKind.FILE, before);
        assertThat(Files.download(member, conv, early.seq(), 0)).hasSize(10_000);
        stranger.expectError(new DownloadFile(stranger.nextId(), conv, early.seq(), 0), ErrorCode.FORBIDDEN);

        owner.expectOk(new KickMember(owner.nextId(), group.groupId(), member.userId()));
        FileInfo after = Files.upload(owner, Files.bytes(92, 10_000), "after.bin");
        MessageSent late = sendFile(owner, conv, MessageKind.FILE, after);
        member.expectError(new DownloadFile(member.nextId(), conv, late.seq(), 0), ErrorCode.FORBIDDEN);
        assertThat(Files.download(member, conv, early.seq(), 0)).as("what they could read, they still can").hasSize(10_000);

        owner.expectError(new DownloadFile(owner.nextId(), conv, late.seq() + 5, 0), ErrorCode.NOT_FOUND);
        long text = owner.sendText(conv, "t-" + Names.msgId(), "text").seq();
        owner.expectError(new DownloadFile(owner.nextId(), conv, text, 0), ErrorCode.NOT_FOUND);
    }

    @Test
    void aBlockedUserCannotSendAFileToTheBlocker() {
        TestClient alice = newUser("blk");
        TestClient bob = newUser("blk");
        long conv = befriend(alice, bob);
        alice.expectOk(new BlockUser(alice.nextId(), bob.userId()));
        FileInfo file = Files.upload(bob, Files.bytes(93, 5_000), "spam.bin");
        sendFileRefused(bob, conv, file, ErrorCode.FORBIDDEN);
    }

    @Test
    void aFiftyMebibyteFileCrossesALinkCutThreeTimesEachWayAndArrivesWhole() {
        TestClient alice = newUser("relay");
        TestClient bob = newUser("relay");
        long conv = befriend(alice, bob);
        byte[] data = Files.bytes(101, 50 * 1024 * 1024);
        String sha = Files.sha256(data);
        java.util.SplittableRandom random = new java.util.SplittableRandom(101);

        FileInfo stored;
        try (CuttingRelay relay = new CuttingRelay(server.port())) {
            long have = 0;
            int cuts = 0;
            while (true) {
                TestClient link = TestClient.connect("127.0.0.1", relay.port());
                link.login(alice.username(), alice.password(), "relay");
                UploadStarted started = (UploadStarted) Files.start(link, data, "fifty.bin");
                assertThat(started.offset()).as("resumes where the server's bytes end").isGreaterThanOrEqualTo(have);
                if (cuts == 3) {
                    Files.send(link, started.uploadId(), data, started.offset(), data.length);
                    stored = link.awaitPush(org.qchat.protocol.packet.UploadDonePush.class,
                            p -> p.uploadId() == started.uploadId(), Duration.ofSeconds(60)).file();
                    link.close();
                    break;
                }
                long cutAt = started.offset() + 1 + random.nextLong(10L * 1024 * 1024);
                have = Files.send(link, started.uploadId(), data, started.offset(), cutAt);
                relay.cutAll();
                cuts++;
            }
        }
        assertThat(stored.fileId()).isEqualTo(sha);
        MessageSent sent = sendFile(alice, conv, MessageKind.FILE, stored);

        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        try (CuttingRelay relay = new CuttingRelay(server.port())) {
            for (int cuts = 0; received.size() < data.length; cuts++) {
                TestClient link = TestClient.connect("127.0.0.1", relay.port());
                link.login(bob.username(), bob.password(), "relay");
                DownloadStarted started = link.expect(DownloadStarted.class,
                        new DownloadFile(link.nextId(), conv, sent.seq(), received.size()));
                if (cuts == 3) {
                    received.writeBytes(Files.receive(link, started.downloadId(), received.size(), data.length));
                    link.close();
                    break;
                }
                long stopAt = Math.min(data.length, received.size() + (1 + random.nextInt(80)) * (long) FileChunk.MAX_DATA);
                received.writeBytes(Files.receive(link, started.downloadId(), received.size(), stopAt));
                relay.cutAll();
            }
        }
        assertThat(Files.sha256(received.toByteArray())).isEqualTo(sha);
    }

    @Test
    void aStoredFileIsStillServedAfterARestart() {
        TestClient alice = newUser("rst");
        TestClient bob = newUser("rst");
        long conv = befriend(alice, bob);
        byte[] data = Files.bytes(111, 700_000);
        MessageSent sent = sendFile(alice, conv, MessageKind.FILE, Files.upload(alice, data, "keep.bin"));

        server.restart();

        TestClient again = server.login(bob.username(), bob.password(), "after");
        assertThat(Files.download(again, conv, sent.seq(), 0)).isEqualTo(data);
        MessageInfo m = again.pullAll(conv, 0).get(0);
        assertThat(m.file().fileId()).isEqualTo(Files.sha256(data));
    }
}
