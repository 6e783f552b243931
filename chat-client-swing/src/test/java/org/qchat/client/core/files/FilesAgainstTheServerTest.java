package org.qchat.client.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.core.files.UploadTest.bytes;
import static org.qchat.client.core.files.UploadTest.sha256;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Credentials;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.testing.LiveClient;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.model.MessageKind;
import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * The client's file core against a real server, in-process, over real sockets: what the server
 * stores is what the client sent, and what a friend downloads is what was stored, byte for byte.
 * The steps (windows, resumes, failures) are pinned frame by frame in {@link UploadTest} and
 * {@link DownloadTest}; this checks that both sides read the protocol alike.
 */
class FilesAgainstTheServerTest {

    @TempDir
    Path dir;
    private ChatServer server;
    private LiveClient alice;
    private LiveClient bob;
    private long aliceToBob;

    @BeforeEach
    void twoFriendsOnARealServer() throws Exception {
        server = ChatServer.start(ServerConfig.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .metricsPort(-1)
                .dataDir(dir.resolve("server"))
                .rateLimits(RateLimits.unlimited())
                .build());
        ServerList servers = ServerList.of(new ServerAddress("127.0.0.1", server.port()));
        alice = new LiveClient("alice", dir.resolve("alice"));
        bob = new LiveClient("bob", dir.resolve("bob"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice.call(c -> c.login(servers, new Credentials.Registration("alice_" + suffix, "password-alice", "Alice"), false));
        bob.call(c -> c.login(servers, new Credentials.Registration("bob_" + suffix, "password-bob", "Bob"), false));
        aliceToBob = LiveClient.befriend(alice, bob);
    }

    @AfterEach
    void stop() throws Exception {
        for (LiveClient c : new LiveClient[] {alice, bob}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileAndAPastedPictureArriveByteForByteAndTheSameFileGoesBackByProof() throws IOException {
        byte[] report = bytes(1_500_000, 21);
        Path original = Files.write(dir.resolve("report 2026.pdf"), report);

        ChatMessage sending = alice.get(c -> c.files().upload(aliceToBob, original, MessageKind.FILE));

        ChatMessage sent = alice.await("the file message to be stored", c -> storedMine(c, sending.clientMsgId()));
        assertThat(sent.kind()).isEqualTo(MessageKind.FILE);
        assertThat(sent.file().fileId()).isEqualTo(sha256(report));
        assertThat(sent.file().size()).isEqualTo(report.length);
        TransferState uploaded = alice.get(c -> c.files().state(sent));
        assertThat(uploaded).isEqualTo(TransferState.done(original, report.length));

        ChatMessage received = bob.await("the file message", c -> stored(c, sent.seq()));
        assertThat(received.file().name()).isEqualTo("report 2026.pdf");
        bob.get(c -> c.files().download(received));
        TransferState downloaded = bob.await("the download", c -> finished(c, received));
        assertThat(downloaded.phase()).as(String.valueOf(downloaded)).isEqualTo(TransferState.Phase.DONE);
        assertThat(downloaded.path()).isEqualTo(dir.resolve("bob/downloads/report 2026.pdf").toAbsolutePath());
        assertThat(downloaded.path()).hasBinaryContent(report);

        byte[] png = picture();
        ChatMessage pasting = alice.get(c -> c.files().upload(aliceToBob, png, "paste.png", MessageKind.IMAGE));
        long pictureSeq = alice.await("the picture to be stored", c -> storedMine(c, pasting.clientMsgId())).seq();
        ChatMessage picture = bob.await("the picture", c -> stored(c, pictureSeq));
        assertThat(picture.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(picture.file().width()).isEqualTo(320);
        assertThat(picture.file().height()).isEqualTo(200);
        assertThat(picture.file().thumb()).isNotEmpty();
        bob.get(c -> c.files().download(picture));
        TransferState cached = bob.await("the picture's original", c -> finished(c, picture));
        assertThat(cached.path()).isEqualTo(dir.resolve("bob/cache/images/" + sha256(png) + ".png").toAbsolutePath());
        assertThat(cached.path()).hasBinaryContent(png);

        // Bob sends the report back from his copy: the server holds it already, so he proves he has it.
        ChatMessage returning = bob.get(c -> c.files().upload(aliceToBob, downloaded.path(), MessageKind.FILE));
        ChatMessage back = bob.await("the returned file to be stored", c -> storedMine(c, returning.clientMsgId()));
        assertThat(back.file().fileId()).isEqualTo(sha256(report));
        assertThat(alice.await("the returned file", c -> stored(c, back.seq())).file().fileId())
                .isEqualTo(sha256(report));
    }

    private Optional<ChatMessage> storedMine(ChatClient c, String clientMsgId) {
        return conversation(c).messages().stream()
                .filter(m -> m.isStored() && m.clientMsgId().equals(clientMsgId)).findFirst();
    }

    private Optional<ChatMessage> stored(ChatClient c, long seq) {
        return c.conversations().get(aliceToBob).flatMap(conv -> conv.stored(seq));
    }

    private Conversation conversation(ChatClient c) {
        return c.conversations().get(aliceToBob).orElseThrow();
    }

    private static Optional<TransferState> finished(ChatClient c, ChatMessage message) {
        TransferState state = c.files().state(message);
        return state.phase() == TransferState.Phase.DONE || state.phase() == TransferState.Phase.FAILED
                ? Optional.of(state) : Optional.empty();
    }

    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E86DE));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.ORANGE);
        g.fillOval(100, 40, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
