package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.CursorWriter;
import org.qchat.server.service.CursorWriter.Advance;
import org.qchat.server.service.MessageWriter;
import org.qchat.server.service.MessageWriter.Append;
import org.qchat.server.service.MessageWriter.Stored;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.MessageStore;
import org.qchat.server.store.UserStore;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Environment;
import org.qchat.server.testing.Names;

/**
 * The group-commit writers on a real database. Work queued before a writer starts is all written in
 * its first batch, so each test decides exactly what shares one transaction. Checks that a batch
 * answers each item as writing them one by one would: for messages resends, conflicts, membership,
 * blocks and the system-conversation rules per append and gapless seqs; for cursors the checks of
 * {@code sync.ack}; and refusals that do not touch their neighbours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class BatchWritesContract {

    private static final String TEXT = "hello";

    private final Backend backend;
    private final ConversationStore conversations = new ConversationStore();
    private final MessageStore messages = new MessageStore();
    private final BlockStore blocks = new BlockStore();
    private final UserStore users = new UserStore();
    private final CursorStore cursors = new CursorStore();
    private final AtomicInteger committed = new AtomicInteger();
    private Path dataDir;
    private String pgUrl;
    private String schema;
    private Database db;

    protected BatchWritesContract(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    final void openDatabase() throws IOException {
        if (backend == Backend.POSTGRES) {
            if (!Environment.postgresConfigured()) {
                // Skipped per test in requireDatabase, so that each skipped test is counted.
                return;
            }
            pgUrl = Environment.requirePostgres();
        }
        dataDir = Files.createTempDirectory("qchat-batch-");
        ServerConfig.Builder config = ServerConfig.builder().dataDir(dataDir);
        if (backend == Backend.POSTGRES) {
            schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            config.dbUrl(pgUrl).dbSchema(schema);
        }
        db = Database.open(config.build());
    }

    @BeforeEach
    final void requireDatabase() {
        if (db == null) {
            Environment.requirePostgres();
        }
    }

    @AfterAll
    final void closeDatabase() throws IOException {
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("[qchat-test] could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aResendInTheSameBatchIsStoredOnceAndAnsweredWithTheOriginal() {
        long alice = user();
        long bob = user();
        long conv = privateConversation(alice, bob);
        String id = Names.msgId();

        List<CompletableFuture<Stored>> out = oneBatch(
                new Append(alice, conv, id, "first", false),
                new Append(alice, conv, id, "second", false),
                new Append(alice, conv, Names.msgId(), "other", false));

        Stored first = out.get(0).join();
        Stored resend = out.get(1).join();
        assertThat(first.duplicate()).isFalse();
        assertThat(first.recipients()).containsExactlyInAnyOrder(alice, bob);
        assertThat(resend.duplicate()).isTrue();
        assertThat(resend.recipients()).isEmpty();
        assertThat(resend.message()).isEqualTo(first.message());
        assertThat(resend.message().text()).isEqualTo("first");
        assertThat(out.get(2).join().message().seq()).as("the resend takes no seq").isEqualTo(2);
        assertThat(lastSeq(conv)).isEqualTo(2);
    }

    @Test
    void aResendInALaterBatchIsAnsweredWithTheOriginalAndAnotherConversationIsAConflict() {
        long alice = user();
        long bob = user();
        long carol = user();
        long withBob = privateConversation(alice, bob);
        long withCarol = privateConversation(alice, carol);
        String stored = Names.msgId();
        String fresh = Names.msgId();
        MessageInfo original = oneBatch(new Append(alice, withBob, stored, TEXT, false)).get(0).join().message();

        List<CompletableFuture<Stored>> out = oneBatch(
                new Append(alice, withBob, stored, "changed", false),
                new Append(alice, withCarol, stored, TEXT, false),
                new Append(alice, withCarol, fresh, TEXT, false),
                new Append(alice, withBob, fresh, TEXT, false),
                // Another sender may use the same clientMsgId: keys are per sender.
                new Append(bob, withBob, stored, TEXT, false));

        assertThat(out.get(0).join()).isEqualTo(new Stored(original, List.of(), true));
        assertRefused(out.get(1), ErrorCode.CONFLICT, "clientMsgId was already used for another conversation");
        assertThat(out.get(2).join().message().seq()).isEqualTo(1);
        assertRefused(out.get(3), ErrorCode.CONFLICT, "clientMsgId was already used for another conversation");
        Stored bobs = out.get(4).join();
        assertThat(bobs.duplicate()).isFalse();
        assertThat(bobs.message().seq()).isEqualTo(2);
        assertThat(lastSeq(withBob)).isEqualTo(2);
        assertThat(lastSeq(withCarol)).isEqualTo(1);
    }

    @Test
    void aBatchOverManyConversationsChecksEachSendersMembershipAndKeepsSeqsGapless() {
        int pairs = 40;
        List<Append> appends = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        long stranger = user();
        long owner = user();
        long member = user();
        long kicked = user();
        long group = groupConversation(owner, member, kicked);
        closePeriod(group, kicked);
        for (int i = 0; i < pairs; i++) {
            long a = user();
            long b = user();
            long conv = privateConversation(a, b);
            appends.add(new Append(a, conv, Names.msgId(), TEXT, false));
            appends.add(new Append(stranger, conv, Names.msgId(), TEXT, false));
            appends.add(new Append(b, conv, Names.msgId(), TEXT, false));
            appends.add(new Append(member, group, Names.msgId(), TEXT, false));
            appends.add(new Append(kicked, group, Names.msgId(), TEXT, false));
            expected.add(new long[] {conv, a, b});
        }

        List<CompletableFuture<Stored>> out = oneBatch(appends.toArray(Append[]::new));

        long groupSeq = 0;
        for (int i = 0; i < pairs; i++) {
            long[] e = expected.get(i);
            Stored fromA = out.get(5 * i).join();
            assertThat(fromA.message().seq()).isEqualTo(1);
            assertThat(fromA.recipients()).containsExactlyInAnyOrder(e[1], e[2]);
            assertRefused(out.get(5 * i + 1), ErrorCode.FORBIDDEN, "you can only message your friends");
            assertThat(out.get(5 * i + 2).join().message().seq()).isEqualTo(2);
            Stored toGroup = out.get(5 * i + 3).join();
            assertThat(toGroup.message().seq()).isEqualTo(++groupSeq);
            assertThat(toGroup.recipients()).containsExactlyInAnyOrder(owner, member);
            assertRefused(out.get(5 * i + 4), ErrorCode.FORBIDDEN, "you are not a member of this group");
            assertThat(lastSeq(e[0])).isEqualTo(2);
        }
        assertThat(lastSeq(group)).isEqualTo(pairs);
        List<Long> ids = out.stream().filter(f -> !f.isCompletedExceptionally())
                .map(f -> f.join().message().msgId()).toList();
        assertThat(ids).as("ids increase in batch order").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aBlockedSenderIsRefusedWhileTheRestOfTheBatchIsStored() {
        long alice = user();
        long bob = user();
        long carol = user();
        long aliceBob = privateConversation(alice, bob);
        long aliceCarol = privateConversation(alice, carol);
        block(bob, alice);

        List<CompletableFuture<Stored>> out = oneBatch(
                new Append(alice, aliceBob, Names.msgId(), TEXT, false),
                new Append(alice, aliceCarol, Names.msgId(), TEXT, false),
                // Bob blocked Alice, not the other way round: Bob may still write to her.
                new Append(bob, aliceBob, Names.msgId(), TEXT, false),
                new Append(carol, aliceCarol, Names.msgId(), TEXT, false),
                new Append(alice, aliceBob, Names.msgId(), TEXT, false));

        assertRefused(out.get(0), ErrorCode.FORBIDDEN, "this user does not accept your messages");
        assertThat(out.get(1).join().message().seq()).isEqualTo(1);
        assertThat(out.get(2).join().message().seq()).isEqualTo(1);
        assertThat(out.get(3).join().message().seq()).isEqualTo(2);
        assertRefused(out.get(4), ErrorCode.FORBIDDEN, "this user does not accept your messages");
        assertThat(lastSeq(aliceBob)).isEqualTo(1);
        assertThat(lastSeq(aliceCarol)).isEqualTo(2);
    }

    @Test
    void unknownConversationsAndSystemConversationRulesAreDecidedPerAppend() {
        long alice = user();
        long bob = user();
        long conv = privateConversation(alice, bob);
        long systemBefore = lastSeq(ConversationRecord.SYSTEM_ID);

        List<CompletableFuture<Stored>> out = oneBatch(
                new Append(alice, Long.MAX_VALUE, Names.msgId(), TEXT, false),
                new Append(alice, ConversationRecord.SYSTEM_ID, Names.msgId(), TEXT, false),
                new Append(alice, conv, Names.msgId(), TEXT, true),
                new Append(alice, ConversationRecord.SYSTEM_ID, Names.msgId(), "announcement", true),
                new Append(alice, conv, Names.msgId(), TEXT, false));

        assertRefused(out.get(0), ErrorCode.NOT_FOUND, "no such conversation");
        assertRefused(out.get(1), ErrorCode.FORBIDDEN, "announcements are sent with broadcast");
        assertRefused(out.get(2), ErrorCode.BAD_REQUEST, "broadcast goes to the system conversation only");
        Stored announcement = out.get(3).join();
        assertThat(announcement.recipients()).as("everyone").isNull();
        assertThat(announcement.message().seq()).isEqualTo(systemBefore + 1);
        assertThat(out.get(4).join().message().seq()).isEqualTo(1);
    }

    @Test
    void acksCommittedTogetherAreCheckedOneByOne() throws Exception {
        long alice = user();
        long bob = user();
        long stranger = user();
        long conv = privateConversation(alice, bob);
        oneBatch(new Append(alice, conv, Names.msgId(), TEXT, false), new Append(bob, conv, Names.msgId(), TEXT, false),
                new Append(alice, conv, Names.msgId(), TEXT, false));
        long group = groupConversation(alice, bob);
        oneBatch(new Append(alice, group, Names.msgId(), TEXT, false));
        closePeriod(group, bob);
        oneBatch(new Append(alice, group, Names.msgId(), TEXT, false));

        List<Object> out = oneCursorBatch(
                new Advance(alice, "phone", conv, 2),
                new Advance(bob, "phone", conv, 4),
                new Advance(stranger, "phone", conv, 1),
                new Advance(alice, "phone", Long.MAX_VALUE, 1),
                new Advance(alice, "laptop", conv, 3),
                new Advance(alice, "phone", conv, 1),
                new Advance(bob, "phone", group, 1),
                new Advance(bob, "tablet", group, 2));

        assertThat(out.get(0)).isNull();
        assertRefusal(out.get(1), ErrorCode.BAD_REQUEST, "seq 4 is beyond the last message you can read (3)");
        assertRefusal(out.get(2), ErrorCode.FORBIDDEN, "you are not in this conversation");
        assertRefusal(out.get(3), ErrorCode.NOT_FOUND, "no such conversation");
        assertThat(out.get(4)).isNull();
        assertThat(out.get(5)).as("a lower seq is accepted and leaves the cursor where it is").isNull();
        assertThat(out.get(6)).as("a former member may ack what they could read").isNull();
        assertRefusal(out.get(7), ErrorCode.BAD_REQUEST, "seq 2 is beyond the last message you can read (1)");
        assertThat(cursor(alice, "phone", conv)).isEqualTo(2);
        assertThat(cursor(alice, "laptop", conv)).isEqualTo(3);
        assertThat(cursor(bob, "phone", conv)).isNull();
        assertThat(cursor(bob, "phone", group)).isEqualTo(1);
        assertThat(cursor(bob, "tablet", group)).isNull();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Has one thread per advance call {@link CursorWriter#advance} (which blocks) before the writer
     * starts, so its first batch holds them all; returns null or the refusal of each.
     */
    private List<Object> oneCursorBatch(Advance... advances) throws Exception {
        CursorWriter writer = new CursorWriter(db, conversations, cursors, Clock.systemUTC());
        ExecutorService callers = Executors.newFixedThreadPool(advances.length);
        try {
            List<Future<Object>> out = new ArrayList<>();
            for (Advance a : advances) {
                out.add(callers.submit(() -> {
                    try {
                        writer.advance(a);
                        return null;
                    } catch (ChatException e) {
                        return e;
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.queued() == advances.length);
            writer.start();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : out) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            callers.shutdownNow();
            writer.close();
        }
    }

    private Long cursor(long user, String device, long conv) {
        return db.tx(c -> cursors.cursorsOf(c, user, device).get(conv));
    }

    /** Queues every append, then starts a writer: its first batch holds them all. */
    private List<CompletableFuture<Stored>> oneBatch(Append... appends) {
        MessageWriter writer = new MessageWriter(db, conversations, messages, blocks, Clock.systemUTC(),
                appends.length, committed::addAndGet);
        List<CompletableFuture<Stored>> out = new ArrayList<>();
        for (Append a : appends) {
            out.add(writer.submit(a));
        }
        writer.start();
        try {
            CompletableFuture.allOf(out.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        } finally {
            writer.close();
        }
        return out;
    }

    private static void assertRefused(CompletableFuture<Stored> future, ErrorCode code, String message) {
        assertThat(future).isCompletedExceptionally();
        assertRefusal(future.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e).join(), code, message);
    }

    private static void assertRefusal(Object failure, ErrorCode code, String message) {
        assertThat(failure).isInstanceOf(ChatException.class);
        assertThat(((ChatException) failure).code()).isEqualTo(code);
        assertThat(((ChatException) failure).getMessage()).isEqualTo(message);
    }

    private long user() {
        return db.tx(c -> users.insert(c, Names.unique("b"), "n", "x", 0));
    }

    /** A private conversation with both users as current members (friends). */
    private long privateConversation(long a, long b) {
        return db.tx(c -> {
            long conv = conversations.createPrivate(c, a, b, 0);
            conversations.openPeriod(c, conv, a, 0);
            conversations.openPeriod(c, conv, b, 0);
            return conv;
        });
    }

    private long groupConversation(long... members) {
        return db.tx(c -> {
            long conv = conversations.createGroup(c, 0);
            for (long m : members) {
                conversations.openPeriod(c, conv, m, 0);
            }
            return conv;
        });
    }

    private void closePeriod(long conv, long user) {
        db.txRun(c -> conversations.closePeriod(c, conv, user, conversations.lock(c, conv).orElseThrow().lastSeq()));
    }

    private void block(long user, long blocked) {
        db.txRun(c -> blocks.block(c, user, blocked, 0));
    }

    private long lastSeq(long conv) {
        return db.tx(c -> conversations.find(c, conv).orElseThrow().lastSeq());
    }
}
