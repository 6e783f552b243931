package org.qchat.bench.qchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.Population;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.protocol.packet.Welcome;

/** W8's file client against a server that the test plays, frame by frame, over a real socket. */
class FileClientTest {

    private static final long MIB = 1024 * 1024;
    private static final int CHUNK = FileChunk.MAX_DATA;

    private final FrameCodec codec = new FrameCodec(new PacketMapper(), 4 * 1024 * 1024);
    private ServerSocket server;
    private EventLoop loop;
    private QchatClientFactory factory;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0);
        loop = new EventLoop("test-files");
        QchatFixture fixture = new QchatFixture(new Population(2, true, 0), new long[] {11, 12},
                new String[] {"up", "down"}, new String[] {"token-0", "token-1"}, new long[] {5}, new long[0]);
        factory = new QchatClientFactory(new InetSocketAddress("127.0.0.1", server.getLocalPort()), fixture, 200,
                Duration.ofMillis(800), false);
    }

    @AfterEach
    void stop() throws IOException {
        loop.close();
        server.close();
    }

    @Test
    void theNextFrameCarriesUpTo128KiBAndNeverPassesTheWindowBeyondTheLastProgress() {
        assertThat(FileClient.frameLength(3 * MIB, 0, 0)).isEqualTo(CHUNK);
        assertThat(FileClient.frameLength(3 * MIB, MIB - 100, 0)).isEqualTo(100);
        assertThat(FileClient.frameLength(3 * MIB, MIB, 0)).isZero();
        assertThat(FileClient.frameLength(3 * MIB, MIB, MIB / 2)).isEqualTo(CHUNK);
        assertThat(FileClient.frameLength(1000, 990, 0)).isEqualTo(10);
        assertThat(FileClient.frameLength(1000, 1000, 1000)).isZero();
    }

    @Test
    void anUploadSendsItsBytesInOrderWithinTheWindowAndEndsAtDone() throws Exception {
        FileContent content = FileContent.random(5, (int) (2 * MIB + 1000));
        CompletableFuture<String> done = new CompletableFuture<>();
        startClient(0, client -> client.upload(content, 3, "w8-3.bin", done::complete));
        try (Socket socket = server.accept()) {
            Peer peer = new Peer(socket);
            peer.logIn(0);
            UploadFile request = (UploadFile) peer.read();
            assertThat(request.sha256()).isEqualTo(content.sha256(3));
            assertThat(request.size()).isEqualTo(content.size());
            peer.write(new UploadStarted(request.id(), 9, 0, null));

            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long received = 0;
            long progress = 0;
            while (received < content.size()) {
                FileChunk chunk = (FileChunk) peer.read();
                assertThat(chunk.transferId()).isEqualTo(9);
                assertThat(chunk.offset()).isEqualTo(received);
                assertThat(chunk.length()).isLessThanOrEqualTo(CHUNK);
                received += chunk.length();
                assertThat(received - progress).as("sent beyond the last progress").isLessThanOrEqualTo(FileClient.WINDOW);
                sha.update(chunk.data());
                // Written, as the server reports, but only once a whole window has arrived.
                if (received - progress == FileClient.WINDOW || received == content.size()) {
                    progress = received;
                    peer.write(new UploadProgressPush(9, progress));
                }
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(content.sha256(3));
            peer.write(new UploadDonePush(9, new FileInfo(content.sha256(3), "w8-3.bin", content.size(),
                    "application/octet-stream", null, null, null)));

            assertThat(done.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void anUploadStartRefusedForItsRateIsTriedAgainAndCounted() throws Exception {
        FileContent content = FileContent.random(6, 1000);
        CompletableFuture<String> done = new CompletableFuture<>();
        FileClient[] client = new FileClient[1];
        startClient(0, c -> {
            client[0] = c;
            c.upload(content, 1, "w8-1.bin", done::complete);
        });
        try (Socket socket = server.accept()) {
            Peer peer = new Peer(socket);
            peer.logIn(0);
            UploadFile refused = (UploadFile) peer.read();
            peer.write(new ErrorReply(refused.id(), ErrorCode.RATE_LIMITED, "too many uploads on this connection"));

            UploadFile again = (UploadFile) peer.read();
            assertThat(again.sha256()).isEqualTo(refused.sha256());
            peer.write(new UploadStarted(again.id(), 2, 0, null));
            FileChunk chunk = (FileChunk) peer.read();
            assertThat(chunk.length()).isEqualTo(1000);
            peer.write(new UploadProgressPush(2, 1000));
            peer.write(new UploadDonePush(2, new FileInfo(content.sha256(1), "w8-1.bin", 1000, "application/octet-stream",
                    null, null, null)));

            assertThat(done.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(loop.call(() -> client[0].startsRefused())).isEqualTo(1);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aDownloadEndsAtItsLastByteAndADataFrameOutOfPlaceFailsIt() throws Exception {
        CompletableFuture<String> whole = new CompletableFuture<>();
        CompletableFuture<String> broken = new CompletableFuture<>();
        byte[] data = new byte[CHUNK];
        long size = 2L * CHUNK + 7;
        startClient(1, client -> client.download(5, 42, error -> {
            whole.complete(error);
            client.download(5, 42, broken::complete);
        }));
        try (Socket socket = server.accept()) {
            Peer peer = new Peer(socket);
            peer.logIn(1);
            FileInfo file = new FileInfo("ab".repeat(32), "big.bin", size, "application/octet-stream", null, null, null);

            DownloadFile first = (DownloadFile) peer.read();
            assertThat(first.convId()).isEqualTo(5);
            assertThat(first.seq()).isEqualTo(42);
            peer.write(new DownloadStarted(first.id(), 3, file, 0));
            byte[] frames = concat(FileChunk.frame(FileChunk.Direction.DOWNLOAD, 3, 0, data, 0, CHUNK),
                    FileChunk.frame(FileChunk.Direction.DOWNLOAD, 3, CHUNK, data, 0, CHUNK),
                    FileChunk.frame(FileChunk.Direction.DOWNLOAD, 3, 2L * CHUNK, data, 0, 7));
            // Split mid-frame, as reads of a socket are.
            peer.out.write(frames, 0, 1000);
            peer.out.flush();
            peer.out.write(frames, 1000, frames.length - 1000);
            assertThat(whole.get(10, TimeUnit.SECONDS)).isNull();

            DownloadFile second = (DownloadFile) peer.read();
            peer.write(new DownloadStarted(second.id(), 4, file, 0));
            peer.out.write(FileChunk.frame(FileChunk.Direction.DOWNLOAD, 4, CHUNK, data, 0, CHUNK));
            assertThat(broken.get(10, TimeUnit.SECONDS)).contains("expected offset 0");
            assertThat(errors).isEmpty();
        }
    }

    /** Starts user {@code user}'s client and runs {@code then} on the loop once it is logged in. */
    private void startClient(int user, Consumer<FileClient> then) {
        loop.execute(() -> FileClient.start(factory, loop, user, new FileClient.Listener() {
            @Override
            public void onReady(FileClient client) {
                then.accept(client);
            }

            @Override
            public void onError(FileClient client, String what) {
                errors.add(what);
            }
        }));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    /** The server's end of the connection: whole frames in and out, blocking. */
    private final class Peer {
        final DataInputStream in;
        final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void logIn(int user) throws Exception {
            write(new Welcome(2, "test", FrameCodec.DEFAULT_MAX_FRAME_LENGTH, 30));
            Resume resume = (Resume) read();
            assertThat(resume.token()).isEqualTo("token-" + user);
            write(new SessionStarted(resume.id(), resume.token(), new UserInfo(11 + user, "u", "u", ""), "bench", 2, 0));
        }

        Packet read() throws Exception {
            byte[] frame = new byte[FrameCodec.HEADER_LENGTH + in.readInt()];
            ByteBuffer.wrap(frame).putInt(frame.length - FrameCodec.HEADER_LENGTH);
            in.readFully(frame, FrameCodec.HEADER_LENGTH, frame.length - FrameCodec.HEADER_LENGTH);
            return codec.decode(ByteBuffer.wrap(frame));
        }

        void write(Packet packet) throws IOException {
            out.write(codec.encode(packet));
            out.flush();
        }
    }
}
