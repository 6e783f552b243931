package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.qchat.server.service.MessageWriter;
import org.qchat.server.service.SendRequest;
import org.qchat.server.service.SendResult;
import org.qchat.server.service.StateChange;
import org.qchat.server.service.SyncService;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.Storage;
import org.qchat.server.store.UserStore;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Environment;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.PostgresSchema;

/**
 * The message writer on real storage (the embedded store, or PostgreSQL). Work queued before a
 * writer starts is all written in its first batch, so each test decides exactly what shares one
 * append. Checks that a batch answers each send as writing them one by one would — resends,
 * conflicts, membership, blocks and the system-conversation rules per send, gapless seqs — with
 * refusals that do not touch their neighbours; that a state change takes effect exactly between
 * the sends queued before and after it; and that cursor acks are checked one by one and written
 * coalesced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class BatchWritesContract {

    private static final String TEXT = "hello";

    private final Backend backend;
    private final ConversationStore conversations = new ConversationStore();
    private final BlockStore blocks = new BlockStore();
    private final UserStore users = new UserStore();
    private final CursorStore cursors = new CursorStore();
    private final AtomicInteger committed = new AtomicInteger();
    private Path dataDir;
    private PostgresSchema schema;
    private Storage storage;
    private Database db;

    protected BatchWritesContract(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    final void openDatabase() throws IOException {
        if (backend == Backend.POSTGRES && !Environment.postgresConfigured()) {
            // Skipped per test in requireDatabase, so that each skipped test is counted.
            return;
        }
        dataDir = Files.createTempDirectory("qchat-batch-");
        ServerConfig.Builder config = ServerConfig.builder().dataDir(dataDir);
        if (backend == Backend.POSTGRES) {
            schema = PostgresSchema.fresh();
            config.dbUrl(schema.url()).dbSchema(schema.name());
        }
        storage = Storage.open(config.build());
        db = storage.db();
    }

    @BeforeEach
    final void requireDatabase() {
        if (db == null) {
            Environment.requirePostgres();
        }
    }

    @AfterAll
    final void closeDatabase() throws IOException {
        if (storage != null) {
            storage.close();
        }
        if (schema != null) {
            schema.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aResendInTheSameBatchIsSendResultOnceAndAnsweredWithTheOriginal() {
        long alice = user();
        long bob = user();
        long conv = privateConversation(alice, bob);
        String id = Names.msgId();

        List<CompletableFuture<SendResult>> out = oneBatch(
                new SendRequest(alice, conv, id, "first", false),
                new SendRequest(alice, conv, id, "second", false),
                new SendRequest(alice, conv, Names.msgId(), "other", false));

        SendResult first = out.get(0).join();
        SendResult resend = out.get(1).join();
        assertThat(first.duplicate()).isFalse();
        assertThat(first.recipients()).containsExactlyInAnyOrder(alice, bob);
        assertThat(resend.duplicate()).isTrue();
        assertThat(resend.recipients()).as("no push").isNull();
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
        MessageInfo original = oneBatch(new SendRequest(alice, withBob, stored, TEXT, false)).get(0).join().message();

        List<CompletableFuture<SendResult>> out = oneBatch(
                new SendRequest(alice, withBob, stored, "changed", false),
                new SendRequest(alice, withCarol, stored, TEXT, false),
                new SendRequest(alice, withCarol, fresh, TEXT, false),
                new SendRequest(alice, withBob, fresh, TEXT, false),
                // Another sender may use the same clientMsgId: keys are per sender.
                new SendRequest(bob, withBob, stored, TEXT, false));

        SendResult resend = out.get(0).join();
        assertThat(resend.duplicate()).isTrue();
        assertThat(resend.message()).isEqualTo(original);
        assertRefused(out.get(1), ErrorCode.CONFLICT, "clientMsgId was already used for another conversation");
        assertThat(out.get(2).join().message().seq()).isEqualTo(1);
        assertRefused(out.get(3), ErrorCode.CONFLICT, "clientMsgId was already used for another conversation");
        SendResult bobs = out.get(4).join();
        assertThat(bobs.duplicate()).isFalse();
        assertThat(bobs.message().seq()).isEqualTo(2);
        assertThat(lastSeq(withBob)).isEqualTo(2);
        assertThat(lastSeq(withCarol)).isEqualTo(1);
    }

    @Test
    void aBatchOverManyConversationsChecksEachSendersMembershipAndKeepsSeqsGapless() {
        int pairs = 40;
        List<SendRequest> appends = new ArrayList<>();
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
            appends.add(new SendRequest(a, conv, Names.msgId(), TEXT, false));
            appends.add(new SendRequest(stranger, conv, Names.msgId(), TEXT, false));
            appends.add(new SendRequest(b, conv, Names.msgId(), TEXT, false));
            appends.add(new SendRequest(member, group, Names.msgId(), TEXT, false));
            appends.add(new SendRequest(kicked, group, Names.msgId(), TEXT, false));
            expected.add(new long[] {conv, a, b});
        }

        List<CompletableFuture<SendResult>> out = oneBatch(appends.toArray(SendRequest[]::new));

        long groupSeq = 0;
        for (int i = 0; i < pairs; i++) {
            long[] e = expected.get(i);
            SendResult fromA = out.get(5 * i).join();
            assertThat(fromA.message().seq()).isEqualTo(1);
            assertThat(fromA.recipients()).containsExactlyInAnyOrder(e[1], e[2]);
            assertRefused(out.get(5 * i + 1), ErrorCode.FORBIDDEN, "you can only message your friends");
            assertThat(out.get(5 * i + 2).join().message().seq()).isEqualTo(2);
            SendResult toGroup = out.get(5 * i + 3).join();
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
    void aBlockedSenderIsRefusedWhileTheRestOfTheBatchIsSendResult() {
        long alice = user();
        long bob = user();
        long carol = user();
        long aliceBob = privateConversation(alice, bob);
        long aliceCarol = privateConversation(alice, carol);
        block(bob, alice);

        List<CompletableFuture<SendResult>> out = oneBatch(
                new SendRequest(alice, aliceBob, Names.msgId(), TEXT, false),
                new SendRequest(alice, aliceCarol, Names.msgId(), TEXT, false),
                // Bob blocked Alice, not the other way round: Bob may still write to her.
                new SendRequest(bob, aliceBob, Names.msgId(), TEXT, false),
                new SendRequest(carol, aliceCarol, Names.msgId(), TEXT, false),
                new SendRequest(alice, aliceBob, Names.msgId(), TEXT, false));

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

        List<CompletableFuture<SendResult>> out = oneBatch(
                new SendRequest(alice, Long.MAX_VALUE, Names.msgId(), TEXT, false),
                new SendRequest(alice, ConversationRecord.SYSTEM_ID, Names.msgId(), TEXT, false),
                new SendRequest(alice, conv, Names.msgId(), TEXT, true),
                new SendRequest(alice, ConversationRecord.SYSTEM_ID, Names.msgId(), "announcement", true),
                new SendRequest(alice, conv, Names.msgId(), TEXT, false));

        assertRefused(out.get(0), ErrorCode.NOT_FOUND, "no such conversation");
        assertRefused(out.get(1), ErrorCode.FORBIDDEN, "announcements are sent with broadcast");
        assertRefused(out.get(2), ErrorCode.BAD_REQUEST, "broadcast goes to the system conversation only");
        SendResult announcement = out.get(3).join();
        assertThat(announcement.recipients()).as("everyone").isNull();
        assertThat(announcement.message().seq()).isEqualTo(systemBefore + 1);
        assertThat(out.get(4).join().message().seq()).isEqualTo(1);
    }

    @Test
    void aStateChangeTakesEffectBetweenTheSendsQueuedBeforeAndAfterIt() {
        stateChangeBetweenSends(false);
    }

    /**
     * The same with sends stored on the thread that submits them: the first one is stored at once,
     * the one queued behind the change waits for the writer's thread to run the change.
     */
    @Test
    void sendsStoredOnTheirOwnThreadStillWaitForAStateChangeQueuedBeforeThem() {
        stateChangeBetweenSends(true);
    }

    private void stateChangeBetweenSends(boolean sendsOnCaller) {
        long owner = user();
        long member = user();
        long group = groupConversation(owner, member);
        MessageWriter writer = writer(8, sendsOnCaller);
        List<CompletableFuture<SendResult>> before = List.of(
                writer.submit(new SendRequest(member, group, Names.msgId(), TEXT, false), new CompletableFuture<>()));
        CompletableFuture<Object> kick = CompletableFuture.supplyAsync(() -> change(writer, edit -> {
            edit.closePeriod(group, member);
            return null;
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.queued() == (sendsOnCaller ? 1 : 2));
        CompletableFuture<SendResult> after = writer.submit(new SendRequest(member, group, Names.msgId(), TEXT, false),
                new CompletableFuture<>());
        writer.start();
        try {
            kick.join();
            after.handle((v, e) -> v).join();
            assertThat(before.get(0).join().message().seq()).isEqualTo(1);
            assertRefused(after, ErrorCode.FORBIDDEN, "you are not a member of this group");
            assertThat(storage.state().periodsOf(member).in(group)).singleElement()
                    .satisfies(p -> assertThat(p.untilSeq()).as("the period ends at the last message before the kick").isEqualTo(1));
        } finally {
            writer.close();
        }
    }

    @Test
    void acksAreCheckedOneByOneAndWrittenCoalesced() {
        long alice = user();
        long bob = user();
        long stranger = user();
        long conv = privateConversation(alice, bob);
        oneBatch(new SendRequest(alice, conv, Names.msgId(), TEXT, false), new SendRequest(bob, conv, Names.msgId(), TEXT, false),
                new SendRequest(alice, conv, Names.msgId(), TEXT, false));
        long group = groupConversation(alice, bob);
        oneBatch(new SendRequest(alice, group, Names.msgId(), TEXT, false));
        closePeriod(group, bob);
        oneBatch(new SendRequest(alice, group, Names.msgId(), TEXT, false));

        CursorWriter cursorWriter = new CursorWriter(db, cursors, Clock.systemUTC());
        SyncService sync = new SyncService(db, storage.state(), cursors, null, cursorWriter,
                new org.qchat.server.store.ReadStateStore(), new org.qchat.server.store.SettingsStore(), (user, conversation) -> { });
        List<Object> out = new ArrayList<>();
        for (Object[] ack : new Object[][] {
                {alice, "phone", conv, 1L}, {alice, "phone", conv, 2L}, {bob, "phone", conv, 4L},
                {stranger, "phone", conv, 1L}, {alice, "phone", Long.MAX_VALUE, 1L}, {alice, "laptop", conv, 3L},
                {alice, "phone", conv, 1L}, {bob, "phone", group, 1L}, {bob, "tablet", group, 2L}}) {
            try {
                sync.ack((long) ack[0], (String) ack[1], (long) ack[2], (long) ack[3]);
                out.add(null);
            } catch (ChatException e) {
                out.add(e);
            }
        }
        assertThat(cursorWriter.queued()).as("one write per moved cursor, however many acks moved it").isEqualTo(3);
        cursorWriter.start();
        cursorWriter.close();

        assertThat(out.get(0)).isNull();
        assertThat(out.get(1)).isNull();
        assertRefusal(out.get(2), ErrorCode.BAD_REQUEST, "seq 4 is beyond the last message you can read (3)");
        assertRefusal(out.get(3), ErrorCode.FORBIDDEN, "you are not in this conversation");
        assertRefusal(out.get(4), ErrorCode.NOT_FOUND, "no such conversation");
        assertThat(out.get(5)).isNull();
        assertThat(out.get(6)).as("a lower seq is accepted and leaves the cursor where it is").isNull();
        assertThat(out.get(7)).as("a former member may ack what they could read").isNull();
        assertRefusal(out.get(8), ErrorCode.BAD_REQUEST, "seq 2 is beyond the last message you can read (1)");
        assertThat(cursor(alice, "phone", conv)).isEqualTo(2);
        assertThat(cursor(alice, "laptop", conv)).isEqualTo(3);
        assertThat(cursor(bob, "phone", conv)).isNull();
        assertThat(cursor(bob, "phone", group)).isEqualTo(1);
        assertThat(cursor(bob, "tablet", group)).isNull();
    }

    @Test
    void aWrittenCursorNeverMovesBack() {
        long alice = user();
        long bob = user();
        long conv = privateConversation(alice, bob);
        oneBatch(new SendRequest(alice, conv, Names.msgId(), TEXT, false), new SendRequest(alice, conv, Names.msgId(), TEXT, false));
        for (long seq : new long[] {2, 1}) {
            CursorWriter cursorWriter = new CursorWriter(db, cursors, Clock.systemUTC());
            cursorWriter.advance(bob, "phone", conv, seq);
            cursorWriter.start();
            cursorWriter.close();
        }
        assertThat(cursor(bob, "phone", conv)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private Long cursor(long user, String device, long conv) {
        return db.tx(c -> cursors.cursorsOf(c, user, device).get(conv));
    }

    /** A writer whose thread writes every batch (nothing on the submitting thread). */
    private MessageWriter writer(int batchSize) {
        return writer(batchSize, false);
    }

    private MessageWriter writer(int batchSize, boolean sendsOnCaller) {
        return new MessageWriter(db, storage.state(), conversations, blocks, storage.messages(), Clock.systemUTC(),
                batchSize, committed::addAndGet, () -> { }, sendsOnCaller);
    }

    /** Queues every send, then starts a writer: its first batch holds them all. */
    private List<CompletableFuture<SendResult>> oneBatch(SendRequest... appends) {
        MessageWriter writer = writer(appends.length);
        List<CompletableFuture<SendResult>> out = new ArrayList<>();
        for (SendRequest a : appends) {
            out.add(writer.submit(a, new CompletableFuture<>()));
        }
        writer.start();
        try {
            CompletableFuture.allOf(out.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        } finally {
            writer.close();
        }
        return out;
    }

    /** Runs one state change through a writer of its own. */
    private <T> T change(StateChange<T> change) {
        MessageWriter writer = writer(8);
        writer.start();
        try {
            return change(writer, change);
        } finally {
            writer.close();
        }
    }

    private static <T> T change(MessageWriter writer, StateChange<T> change) {
        try {
            return writer.change(change);
        } catch (ChatException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(CompletableFuture<SendResult> future, ErrorCode code, String message) {
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
        return change(edit -> {
            long conv = edit.createPrivate(a, b, 0);
            edit.openPeriod(conv, a);
            edit.openPeriod(conv, b);
            return conv;
        });
    }

    private long groupConversation(long... members) {
        return change(edit -> {
            long conv = edit.createGroup(0);
            for (long m : members) {
                edit.openPeriod(conv, m);
            }
            return conv;
        });
    }

    private void closePeriod(long conv, long user) {
        change(edit -> {
            edit.closePeriod(conv, user);
            return null;
        });
    }

    private void block(long user, long blocked) {
        change(edit -> {
            edit.block(user, blocked, 0);
            return null;
        });
    }

    private long lastSeq(long conv) {
        return storage.state().conversation(conv).lastSeq();
    }
}
