package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.testing.LiveClient;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * The local history against a real server, in-process, over real sockets: messages received in
 * one run are there in the next before anything is fetched again, and once the server is gone the
 * conversation still scrolls back and is searched from the disk.
 */
class HistoryAgainstTheServerTest {

    private static final int SENT = 40;

    @TempDir
    Path dir;
    private ChatServer server;
    private ServerList servers;
    private LiveClient alice;
    private LiveClient bob;
    private String aliceName;
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
        servers = ServerList.of(new ServerAddress("127.0.0.1", server.port()));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        aliceName = "alice_" + suffix;
        alice = new LiveClient("alice", dir.resolve("alice"), true);
        bob = new LiveClient("bob", dir.resolve("bob"));
        alice.call(c -> c.login(servers, new Credentials.Registration(aliceName, "password-alice", "Alice"), false));
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
    void messagesOfOneRunAreThereInTheNextAndTheChatScrollsBackAndIsSearchedOfflineFromTheDisk() throws Exception {
        for (int i = 1; i <= SENT; i++) {
            String text = i == 5 ? "Project Phoenix 项目组" : "message " + i;
            bob.get(c -> c.sendMessage(aliceToBob, text));
        }
        alice.await("all of Bob's messages", c -> held(c).filter(conv -> conv.storedCount() == SENT));
        // Read, so that without the disk the next run would fetch only the newest message.
        alice.get(c -> {
            c.setViewing(aliceToBob, true);
            return null;
        });
        alice.await("the read cursor on the server", c -> held(c).filter(conv -> conv.ackedSeq() == SENT));
        alice.close();

        alice = new LiveClient("alice again", dir.resolve("alice"), true);
        alice.call(c -> c.login(servers, new Credentials.Password(aliceName, "password-alice"), false));
        Conversation conv = alice.await("the kept conversation", c -> held(c).filter(x -> x.storedCount() > 0));
        long newest = alice.get(c -> conv.newestSeq());
        assertThat(newest).isEqualTo(SENT);

        server.close();
        server = null;
        alice.await("the server to be gone", c -> Optional.of(c.session().state())
                .filter(s -> s != ConnectionState.ONLINE));

        while (alice.get(c -> conv.oldestSeq()) > 1) {
            alice.call(c -> c.loadOlder(aliceToBob));
        }
        List<String> texts = alice.get(c -> conv.messages().stream().map(ChatMessage::text).toList());
        assertThat(texts).hasSize(SENT);
        assertThat(texts.get(0)).isEqualTo("message 1");
        assertThat(texts.get(4)).isEqualTo("Project Phoenix 项目组");

        List<MessageInfo> found = alice.<List<MessageInfo>>call(c -> c.searchHistory("项目"));
        assertThat(found).extracting(MessageInfo::seq).containsExactly(5L);
        assertThat(found.get(0).convId()).isEqualTo(aliceToBob);
        List<MessageInfo> latin = alice.call(c -> c.searchHistory("PHOENIX"));
        assertThat(latin).hasSize(1);
    }

    private Optional<Conversation> held(ChatClient c) {
        return c.conversations().get(aliceToBob);
    }
}
