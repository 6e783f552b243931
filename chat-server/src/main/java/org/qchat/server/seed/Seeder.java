package org.qchat.server.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Role;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageWriter;
import org.qchat.server.service.PasswordHasher;
import org.qchat.server.service.SendRequest;
import org.qchat.server.service.TokenGenerator;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.Storage;
import org.qchat.server.store.UserStore;

/**
 * Fills a stopped server's storage with a synthetic population, for benchmarks and load tests:
 * users named {@code <prefix>00000…} sharing one password, a session token each; users 2k and
 * 2k+1 friends; groups of consecutive users (the first one owns it); and messages spread
 * round-robin over the first pairs' conversations. Everything goes through the server's own
 * writer, exactly as requests would, minus the network and one password hash per user.
 * Writes what a client needs to find its way (ids, tokens, conversations) to a fixture file.
 */
public final class Seeder {

    private static final int USERS_PER_CHANGE = 1_000;
    private static final int MESSAGES_IN_FLIGHT = 4_096;

    /** What to create. {@code messageConversations}: how many pair conversations share the messages. */
    public record Plan(int users, boolean pairs, int groupSize, String usernamePrefix, String password, String device,
                       long messages, int messageConversations, int textSize) {

        public Plan {
            if (users < 2 || (pairs && users % 2 != 0) || groupSize == 1 || (groupSize > 0 && users % groupSize != 0)) {
                throw new IllegalArgumentException("users, pairs and group size do not fit together");
            }
            if (messages > 0 && (!pairs || messageConversations < 1 || messageConversations > users / 2)) {
                throw new IllegalArgumentException("messages go to 1.." + users / 2 + " pair conversations");
            }
        }

        String username(int user) {
            return String.format("%s%05d", usernamePrefix, user);
        }
    }

    private final UserStore users = new UserStore();
    private final SessionStore sessions = new SessionStore();
    private final FriendStore friends = new FriendStore();
    private final GroupStore groups = new GroupStore();

    /** Seeds {@code config}'s storage (the server must be stopped) and writes the fixture file. */
    public void seed(ServerConfig config, Plan plan, Path fixtureFile) throws ChatException, IOException, InterruptedException {
        try (Storage storage = Storage.open(config)) {
            MessageWriter writer = new MessageWriter(storage.db(), storage.state(), new ConversationStore(), new BlockStore(),
                    storage.messages(), Clock.systemUTC(), config.messageBatchSize(), n -> { }, storage.afterStateCommit(),
                    false);
            writer.start();
            try (Writer out = Files.newBufferedWriter(fixtureFile, StandardCharsets.UTF_8)) {
                long[] userIds = seedUsers(writer, plan, out);
                long[] pairConvs = plan.pairs() ? seedPairs(writer, userIds, out) : new long[0];
                if (plan.groupSize() > 0) {
                    seedGroups(writer, plan, userIds, out);
                }
                seedMessages(writer, plan, userIds, pairConvs);
            } finally {
                writer.close();
            }
        }
    }

    private long[] seedUsers(MessageWriter writer, Plan plan, Writer out) throws ChatException, IOException {
        String hash = new PasswordHasher().hash(plan.password());
        TokenGenerator tokens = new TokenGenerator();
        long now = System.currentTimeMillis();
        long[] ids = new long[plan.users()];
        String[] issued = new String[plan.users()];
        for (int from = 0; from < plan.users(); from += USERS_PER_CHANGE) {
            int start = from;
            int end = Math.min(plan.users(), from + USERS_PER_CHANGE);
            writer.change(edit -> {
                for (int u = start; u < end; u++) {
                    ids[u] = users.insert(edit.tx(), plan.username(u), plan.username(u), hash, now);
                    edit.openPeriod(ConversationRecord.SYSTEM_ID, ids[u]);
                    issued[u] = tokens.newToken();
                    sessions.insert(edit.tx(), ids[u], TokenGenerator.hash(issued[u]), plan.device(), now);
                }
                return null;
            });
        }
        for (int u = 0; u < ids.length; u++) {
            out.write("user\t" + u + "\t" + ids[u] + "\t" + plan.username(u) + "\t" + issued[u] + "\n");
        }
        return ids;
    }

    private long[] seedPairs(MessageWriter writer, long[] userIds, Writer out) throws ChatException, IOException {
        long now = System.currentTimeMillis();
        long[] convs = new long[userIds.length / 2];
        for (int from = 0; from < convs.length; from += USERS_PER_CHANGE) {
            int start = from;
            int end = Math.min(convs.length, from + USERS_PER_CHANGE);
            writer.change(edit -> {
                for (int p = start; p < end; p++) {
                    long a = userIds[2 * p];
                    long b = userIds[2 * p + 1];
                    convs[p] = edit.createPrivate(a, b, now);
                    edit.openPeriod(convs[p], a);
                    edit.openPeriod(convs[p], b);
                    friends.addFriendship(edit.tx(), a, b, convs[p], now);
                }
                return null;
            });
        }
        for (int p = 0; p < convs.length; p++) {
            out.write("pair\t" + p + "\t" + convs[p] + "\n");
        }
        return convs;
    }

    private void seedGroups(MessageWriter writer, Plan plan, long[] userIds, Writer out) throws ChatException, IOException {
        long now = System.currentTimeMillis();
        int size = plan.groupSize();
        long[] convs = new long[userIds.length / size];
        for (int g = 0; g < convs.length; g++) {
            int group = g;
            convs[g] = writer.change(edit -> {
                long conv = edit.createGroup(now);
                groups.insert(edit.tx(), conv, "group " + group, JoinPolicy.OPEN, userIds[group * size], now);
                for (int u = group * size; u < (group + 1) * size; u++) {
                    groups.addMember(edit.tx(), conv, userIds[u], u == group * size ? Role.OWNER : Role.MEMBER, now);
                    edit.openPeriod(conv, userIds[u]);
                }
                return conv;
            });
            out.write("group\t" + g + "\t" + convs[g] + "\n");
        }
    }

    /** Message i goes to pair conversation i mod k, from its two users in turn; at most a few thousand in flight. */
    private void seedMessages(MessageWriter writer, Plan plan, long[] userIds, long[] pairConvs) throws InterruptedException {
        String text = "m".repeat(plan.textSize());
        Semaphore inFlight = new Semaphore(MESSAGES_IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long i = 0; i < plan.messages() && failure.get() == null; i++) {
            int pair = (int) (i % plan.messageConversations());
            long sender = userIds[2 * pair + (int) ((i / plan.messageConversations()) % 2)];
            inFlight.acquire();
            CompletableFuture<org.qchat.server.service.SendResult> result = new CompletableFuture<>();
            result.whenComplete((stored, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
            writer.submit(new SendRequest(sender, pairConvs[pair], "seed-" + i, text, false), result);
        }
        inFlight.acquire(MESSAGES_IN_FLIGHT);
        if (failure.get() != null) {
            throw new UncheckedIOException(new IOException("storing seeded messages failed", failure.get()));
        }
    }
}
