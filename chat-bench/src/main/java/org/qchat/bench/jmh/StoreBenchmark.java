package org.qchat.bench.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/**
 * The message store under the server's write pattern, and a history page deep in a conversation,
 * on each store ({@link StoreFixture}): {@code segmented-process}, {@code segmented-power},
 * {@code h2}, {@code rocksdb}, and {@code postgres} when {@code QCHAT_PG_URL} is set.
 *
 * <ul>
 *   <li>{@code send}: what the message writer does per batch: a {@code findByClientIds} of the
 *       batch's 16 (sender, clientMsgId) keys, all fresh, then one {@code append} of the 16
 *       messages. Conversations take turns (1,000 of them, round-robin), texts are 200 ASCII bytes,
 *       and the store already holds 1,000,000 messages (appended the same way, 256 per batch, in
 *       the trial's setup). Score: microseconds per message (an operation is a batch, divided by 16).
 *   <li>{@code historyPage}: a {@code range} of 50 messages from a random seq of one conversation
 *       of 1,000,000 messages. Score: microseconds per page.
 * </ul>
 * The secondary result {@code ·cpu} ({@link ProcessCpuProfiler}) is the CPU time of every thread
 * of the JVM per operation, in nanoseconds: per message for {@code send}, per page for
 * {@code historyPage}. It shows work a store does off the calling thread (RocksDB compactions,
 * garbage collection) that the time per operation hides on a machine with idle cores.
 *
 * <p>Run with {@link #main}, which is JMH's command line plus the profiler and the PostgreSQL
 * variant when configured. With short iterations, as below, the whole class took 5 minutes on two
 * cores (without PostgreSQL), a third of it preloading H2:
 * <pre>
 * java -cp chat-bench/target/qchat-bench.jar org.qchat.bench.jmh.StoreBenchmark \
 *     -wi 2 -w 3s -i 3 -r 3s -rf json -rff store.json
 * java -cp chat-bench/target/qchat-bench.jar org.qchat.bench.jmh.JmhTable store.json
 * </pre>
 * Add {@code -p store=segmented-process,rocksdb} to run some stores only. Files go to
 * {@code java.io.tmpdir} ({@code -jvmArgsAppend -Djava.io.tmpdir=/disk/under/test}) and are
 * deleted after each trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class StoreBenchmark {

    static final int BATCH = 16;
    static final int CONVERSATIONS = 1_000;
    static final int PRELOAD = 1_000_000;
    /** The server's default message batch: how a busy writer would have filled the store. */
    static final int PRELOAD_BATCH = 256;
    static final int PAGE = 50;
    static final long FIRST_CONVERSATION = 10_001;
    static final long FIRST_USER = 20_001;
    private static final String CLIENT_ID_TEMPLATE = "6f1c2a9e-4b7d-4e8a-9a51-000000000000";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A store under test, its CPU meter per iteration, closed after the trial. */
    @State(Scope.Benchmark)
    public abstract static class StoreState {

        @Param({"segmented-process", "segmented-power", "h2", "rocksdb"})
        public String store;

        StoreFixture fixture;
        MessageLog log;
        final ProcessCpuProfiler.Meter cpu = new ProcessCpuProfiler.Meter();

        @Setup(Level.Iteration)
        public void startIteration() {
            cpu.start();
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            cpu.stop();
        }

        @TearDown(Level.Trial)
        public void close() {
            fixture.close();
        }
    }

    /** 1,000 conversations of 1,000 messages each, and the writer's next seqs and clientMsgIds. */
    @State(Scope.Benchmark)
    public static class Chat extends StoreState {

        private final long[] lastSeqs = new long[CONVERSATIONS];
        private final String text = CodecBenchmark.text("ascii");
        private int nextConversation;
        private long sent;

        @Setup(Level.Trial)
        public void preload() throws IOException {
            fixture = StoreFixture.open(store, ids(FIRST_CONVERSATION, CONVERSATIONS), ids(FIRST_USER, CONVERSATIONS));
            log = fixture.log;
            while (sent < PRELOAD) {
                log.append(nextBatch(PRELOAD_BATCH));
            }
        }

        /** The next {@code size} messages: each to the next conversation in turn, from its own member. */
        List<Append> nextBatch(int size) {
            List<Append> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int conv = nextConversation;
                nextConversation = (nextConversation + 1) % CONVERSATIONS;
                batch.add(new Append(FIRST_CONVERSATION + conv, ++lastSeqs[conv], FIRST_USER + conv, clientId(sent++),
                        text, 1_718_000_000_000L + sent));
            }
            return batch;
        }
    }

    /** One conversation of 1,000,000 messages. */
    @State(Scope.Benchmark)
    public static class History extends StoreState {

        @Setup(Level.Trial)
        public void preload() throws IOException {
            fixture = StoreFixture.open(store, ids(FIRST_CONVERSATION, 1), ids(FIRST_USER, 1));
            log = fixture.log;
            String text = CodecBenchmark.text("ascii");
            for (long seq = 1; seq <= PRELOAD; ) {
                List<Append> batch = new ArrayList<>(PRELOAD_BATCH);
                for (int i = 0; i < PRELOAD_BATCH && seq <= PRELOAD; i++, seq++) {
                    batch.add(new Append(FIRST_CONVERSATION, seq, FIRST_USER, clientId(seq), text, seq));
                }
                log.append(batch);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<MessageInfo> send(Chat chat) {
        List<Append> batch = chat.nextBatch(BATCH);
        List<ClientKey> keys = new ArrayList<>(BATCH);
        for (Append a : batch) {
            keys.add(new ClientKey(a.senderId(), a.clientMsgId()));
        }
        if (!chat.log.findByClientIds(keys).isEmpty()) {
            throw new IllegalStateException("a clientMsgId never sent was found: the store is wrong");
        }
        List<MessageInfo> stored = chat.log.append(batch);
        chat.cpu.count(BATCH);
        return stored;
    }

    @Benchmark
    public List<MessageInfo> historyPage(History history) {
        long from = 1 + ThreadLocalRandom.current().nextLong(PRELOAD - PAGE + 1);
        List<MessageInfo> page = history.log.range(FIRST_CONVERSATION, from, from + PAGE - 1, PAGE);
        if (page.size() != PAGE) {
            throw new IllegalStateException("page from seq " + from + " holds " + page.size() + " messages");
        }
        history.cpu.count(1);
        return page;
    }

    /**
     * JMH's command line for this class: adds {@link ProcessCpuProfiler}, and {@code store=postgres}
     * to the default stores when {@code QCHAT_PG_URL} is set (unless {@code -p store=...} chooses).
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).addProfiler(ProcessCpuProfiler.class);
        if (cli.getIncludes().isEmpty()) {
            options.include(StoreBenchmark.class.getName());
        }
        String pg = System.getenv(StoreFixture.PG_URL);
        if (!cli.getParameter("store").hasValue() && pg != null && !pg.isBlank()) {
            options.param("store", "segmented-process", "segmented-power", "h2", "rocksdb", "postgres");
        }
        new Runner(options.build()).run();
    }

    /** A clientMsgId shaped like the clients' UUIDs, unique per {@code n}, without String.format's cost. */
    static String clientId(long n) {
        char[] id = CLIENT_ID_TEMPLATE.toCharArray();
        long rest = n;
        for (int i = id.length - 1; rest != 0; i--) {
            id[i] = HEX[(int) (rest & 15)];
            rest >>>= 4;
        }
        return new String(id);
    }

    private static long[] ids(long first, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = first + i;
        }
        return ids;
    }
}
