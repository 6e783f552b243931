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
import org.qchat.client.core.model.MessageExtras;
import org.qchat.client.testing.LiveClient;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.model.Quote;
import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * Replies, recall and typing between two clients through a real server, in-process, over real
 * sockets: what one client sends, the other shows.
 */
class MessageActionsAgainstTheServerTest {

    @TempDir
    Path dir;
    private ChatServer server;
    private LiveClient alice;
    private LiveClient bob;
    private long conv;

    @BeforeEach
    void twoFriendsOnARealServer() throws Exception {
        server = ChatServer.start(ServerConfig.builder().port(0).bindAddress("127.0.0.1").metricsPort(-1)
                .dataDir(dir.resolve("server")).rateLimits(RateLimits.unlimited()).build());
        ServerList servers = ServerList.of(new ServerAddress("127.0.0.1", server.port()));
        alice = new LiveClient("alice", dir.resolve("alice"));
        bob = new LiveClient("bob", dir.resolve("bob"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice.call(c -> c.login(servers, new Credentials.Registration("alice_" + suffix, "password-alice", "Alice"), false));
        bob.call(c -> c.login(servers, new Credentials.Registration("bob_" + suffix, "password-bob", "Bob"), false));
        conv = LiveClient.befriend(alice, bob);
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

    private Optional<ChatMessage> stored(org.qchat.client.core.ChatClient c, long seq) {
        return c.conversations().get(conv).flatMap(x -> x.stored(seq));
    }

    @Test
    void aReplyArrivesWithItsQuoteAndARecallReachesTheFriendAndTheQuote() {
        ChatMessage sending = alice.get(c -> c.sendMessage(conv, "see you at noon"));
        long original = alice.await("the message to be stored", c -> c.conversations().get(conv)
                .flatMap(x -> x.messages().stream().filter(m -> m.isStored()
                        && m.clientMsgId().equals(sending.clientMsgId())).findFirst())).seq();
        ChatMessage quoted = bob.await("alice's message", c -> stored(c, original));
        long aliceId = alice.get(c -> c.session().myId());

        bob.get(c -> c.messageActions().send(conv, "ok!",
                MessageExtras.outgoing(new Quote(original, aliceId, quoted.text(), null, null), List.of(), false)));
        ChatMessage reply = alice.await("bob's reply", c -> c.conversations().get(conv)
                .flatMap(x -> x.messages().stream().filter(m -> m.replyTo() != null).findFirst()));
        assertThat(reply.replyTo()).isEqualTo(new Quote(original, aliceId, "see you at noon", null, null));

        ChatMessage mine = alice.get(c -> stored(c, original).orElseThrow());
        boolean mayRecall = alice.get(c -> c.messageActions().mayRecall(mine));
        assertThat(mayRecall).isTrue();
        alice.call(c -> c.messageActions().recall(mine));

        ChatMessage recalled = bob.await("the recall", c -> stored(c, original).filter(ChatMessage::isRecalled));
        assertThat(recalled.extras().recalledBy()).isEqualTo(aliceId);
        assertThat(bob.await("the quote marked recalled", c -> stored(c, reply.seq())
                .filter(m -> Boolean.TRUE.equals(m.replyTo().recalled()))).replyTo().text()).isEmpty();
    }

    @Test
    void typingShowsAtTheFriend() {
        alice.get(c -> {
            c.messageActions().typed(conv);
            return null;
        });

        bob.await("typing", c -> c.conversations().get(conv).filter(x -> x.isPeerTyping(System.currentTimeMillis())));
    }
}
