package org.qchat.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Jdbc;
import org.qchat.server.store.message.JdbcMessageLog;
import org.qchat.server.db.Database;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.state.StateEditor;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.message.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered path: the single writer of messages and of who may send where. Send requests and
 * state changes queue up in one {@link GroupCommitter}; its thread decides each run of sends
 * against the state in memory ({@link AppendDecider}), stores the run with one append (group
 * commit), publishes the new seqs, then completes each send in order — so an acknowledged message
 * is stored, pushes of one conversation leave in seq order, and one write pays for many messages.
 * A state change runs between two runs, in one database transaction, and takes effect in memory
 * once committed: every message queued after it is checked against it, none before.
 */
public final class MessageWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    private sealed interface Command permits Send, Change, Reread {
    }

    private record Reread(ClusterWrites.Refresh refresh, CompletableFuture<Void> done) implements Command {
    }

    /** Cluster: sends tried again after a reread, before they are refused as unavailable. */
    private static final int MAX_CLUSTER_ATTEMPTS = 4;
    /** Cluster: one key for every state change of every node, held for its transaction. */
    private static final long STATE_CHANGE_LOCK = 0x71636861745f7363L;

    private record Send(SendRequest request, CompletableFuture<SendResult> result) implements Command {
    }

    private record Change(StateChange<?> change, CompletableFuture<Object> result) implements Command {
    }

    private final Database db;
    private final ChatState state;
    private final ConversationStore conversations;
    private final BlockStore blocks;
    private final MessageLog messages;
    private final AppendDecider decider;
    private final Clock clock;
    private final IntConsumer onStored;
    private final Runnable afterStateCommit;
    private final GroupCommitter<Command> committer;
    private final boolean sendsOnCaller;
    private final ClusterWrites cluster;
    private volatile MessagePushes linePushes = (message, recipients, except) -> { };

    /**
     * @param onStored         told how many new messages each append stored (metrics)
     * @param afterStateCommit run after each state change committed, before it takes effect (e.g.
     *                         forcing the embedded database to disk under power-loss durability)
     * @param sendsOnCaller    whether sends may be stored on the thread that submits them, when no
     *                         batch is being written: only if appending never waits (the embedded
     *                         store under process durability), since that thread may be an I/O thread
     */
    public MessageWriter(Database db, ChatState state, ConversationStore conversations, BlockStore blocks,
                         MessageLog messages, Clock clock, int batchSize, IntConsumer onStored, Runnable afterStateCommit,
                         boolean sendsOnCaller) {
        this(db, state, conversations, blocks, messages, clock, batchSize, onStored, afterStateCommit, sendsOnCaller, null);
    }

    /** @param cluster how to write beside other nodes, or null for a single server */
    public MessageWriter(Database db, ChatState state, ConversationStore conversations, BlockStore blocks,
                         MessageLog messages, Clock clock, int batchSize, IntConsumer onStored, Runnable afterStateCommit,
                         boolean sendsOnCaller, ClusterWrites cluster) {
        this.cluster = cluster;
        this.db = db;
        this.state = state;
        this.conversations = conversations;
        this.blocks = blocks;
        this.messages = messages;
        this.decider = new AppendDecider(state, messages);
        this.clock = clock;
        this.onStored = onStored;
        this.afterStateCommit = afterStateCommit;
        this.sendsOnCaller = sendsOnCaller;
        this.committer = new GroupCommitter<>("qchat-message-writer", batchSize, 0, new Batches());
    }

    public void start() {
        committer.start();
    }

    /**
     * Queues a send that completes {@code result} on the writer thread, after its message is stored:
     * with the stored message, or exceptionally with a {@link ChatException} (refused, nothing
     * stored) or another exception (storage failure, nothing stored). Callers attach what must run
     * in commit order (the pushes) to {@code result} before submitting: attached after the writer
     * completed it, a callback would run on the caller's thread, after pushes of later messages.
     * Never blocks; any thread.
     */
    public CompletableFuture<SendResult> submit(SendRequest request, CompletableFuture<SendResult> result) {
        committer.submit(new Send(request, result));
        return result;
    }

    /**
     * Runs a state change on the writer thread and returns its result once it is committed and in
     * effect. Blocks the caller: call from a worker thread, outside any transaction.
     */
    @SuppressWarnings("unchecked")
    public <T> T change(StateChange<T> change) throws ChatException {
        if (committer.isCommitterThread()) {
            throw new IllegalStateException("a state change cannot wait for itself");
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        committer.submit(new Change(change, result));
        try {
            return (T) result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChatException refused) {
                throw refused;
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Cluster: rereads part of the state on the writer thread, between two runs of sends. Never
     * blocks; the future completes once the reread is in effect (exceptionally if it failed).
     */
    public CompletableFuture<Void> reread(ClusterWrites.Refresh refresh) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        committer.submit(new Reread(refresh, done));
        return done;
    }

    /** Requests waiting for the writer. */
    public int queued() {
        return committer.queued();
    }

    /** Stops taking requests, writes everything already queued (completing each), and stops the thread. */
    @Override
    public void close() {
        committer.close();
    }

    private final class Batches implements GroupCommitter.BatchWriter<Command> {

        @Override
        public void write(List<Command> batch) {
            List<Send> run = new ArrayList<>(batch.size());
            for (Command command : batch) {
                if (command instanceof Send send) {
                    run.add(send);
                } else {
                    store(run);
                    run.clear();
                    if (command instanceof Change change) {
                        applyChange(change);
                    } else {
                        applyReread((Reread) command);
                    }
                }
            }
            store(run);
        }

        @Override
        public boolean mayRunOnCaller(Command command) {
            return sendsOnCaller && command instanceof Send;
        }

        @Override
        public void reject(Command command, Exception cause) {
            CompletableFuture<?> result = command instanceof Send send ? send.result()
                    : command instanceof Change change ? change.result() : ((Reread) command).done();
            result.completeExceptionally(cause);
        }
    }

    private void store(List<Send> run) {
        if (cluster == null) {
            storeRun(run);
        } else {
            storeClusteredRun(run, 0);
        }
    }

    private void storeRun(List<Send> run) {
        if (run.isEmpty()) {
            return;
        }
        List<SendRequest> requests = new ArrayList<>(run.size());
        for (Send send : run) {
            requests.add(send.request());
        }
        AppendDecider.Run decided;
        List<MessageInfo> stored;
        try {
            decided = decider.decide(requests, clock.millis());
        } catch (RuntimeException e) {
            log.error("checking {} messages failed", run.size(), e);
            run.forEach(send -> send.result().completeExceptionally(e));
            return;
        }
        try {
            stored = decided.appends.isEmpty() ? List.of() : messages.append(decided.appends);
        } catch (RuntimeException e) {
            log.error("storing {} messages failed", decided.appends.size(), e);
            decided.touched.forEach(Conversation::rollBack);
            for (int i = 0; i < run.size(); i++) {
                Object decision = decided.decisions.get(i);
                complete(run.get(i), decision instanceof AppendDecider.Fresh ? e : decision);
            }
            return;
        }
        decided.touched.forEach(Conversation::publish);
        onStored.accept(stored.size());
        for (int i = 0; i < run.size(); i++) {
            Object decision = decided.decisions.get(i);
            if (decision instanceof AppendDecider.Fresh fresh) {
                decision = new SendResult(stored.get(fresh.append()), fresh.recipients(), fresh.resend());
            }
            complete(run.get(i), decision);
        }
    }

    private static void complete(Send send, Object outcome) {
        if (outcome instanceof SendResult result) {
            send.result().complete(result);
        } else {
            send.result().completeExceptionally((Throwable) outcome);
        }
    }

    private void applyChange(Change command) {
        StateEditor[] editing = new StateEditor[1];
        boolean[] linesInLog = new boolean[1];
        try {
            Object[] value = new Object[1];
            List<MessageInfo> lines = new ArrayList<>();
            StateEditor editor = db.tx(c -> {
                if (cluster != null) {
                    // Serialises state changes across nodes as the writer thread does within one.
                    Jdbc.one(c, "SELECT pg_advisory_xact_lock(?)", rs -> 1, STATE_CHANGE_LOCK);
                }
                StateEditor edit = new StateEditor(state, conversations, blocks, c, cluster != null);
                editing[0] = edit;
                value[0] = command.change().apply(edit);
                lines.addAll(storeLines(c, edit.lines()));
                linesInLog[0] = !lines.isEmpty() && !(messages instanceof JdbcMessageLog);
                return edit;
            });
            try {
                afterStateCommit.run();
            } catch (RuntimeException e) {
                log.error("forcing a committed state change to disk failed", e);
            }
            if (cluster == null) {
                editor.apply();
                editor.publishLines();
            } else {
                reread(editor.touched());
            }
            pushLines(editor.lines(), lines);
            if (cluster != null) {
                cluster.link().changed(editor.touched());
                if (!lines.isEmpty()) {
                    cluster.link().stored(lines);
                }
            }
            command.result().complete(value[0]);
        } catch (ChatException | RuntimeException e) {
            if (cluster == null && editing[0] != null) {
                if (linesInLog[0]) {
                    // The embedded log holds the lines although the database rolled the change
                    // back: their seqs are taken for good, or the next message would reuse one.
                    editing[0].publishLines();
                } else {
                    editing[0].abandonLines();
                }
            }
            command.result().completeExceptionally(e);
        }
    }

    /**
     * Stores a change's system lines in its transaction where the messages live in the same
     * database; the embedded store appends them just before the commit, so a failed append still
     * rolls the change back.
     */
    private List<MessageInfo> storeLines(org.qchat.server.db.Tx c, List<StateEditor.Line> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<MessageLog.Append> appends = lines.stream().map(StateEditor.Line::append).toList();
        return messages instanceof JdbcMessageLog jdbc ? jdbc.appendIn(c, appends) : messages.append(appends);
    }

    private void pushLines(List<StateEditor.Line> lines, List<MessageInfo> stored) {
        onStored.accept(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            try {
                linePushes.committed(stored.get(i), lines.get(i).recipients(), null);
            } catch (RuntimeException e) {
                log.warn("pushing a system line failed: {}", e.toString());
            }
        }
    }

    /**
     * Where the system lines that state changes write are pushed once committed (see
     * {@link StateEditor#systemLine}); set once, before {@link #start()}. Without it they are only stored.
     */
    public void pushSystemLinesThrough(MessagePushes pushes) {
        this.linePushes = pushes;
    }

    /** Cluster: rereads what a committed change touched, so the next sends are decided against it. */
    private void reread(StateEditor.Touched touched) {
        db.txRun(c -> cluster.refresher().reread(c, touched.conversations(), touched.systemUsers(), touched.blockPairs()));
    }

    private void applyReread(Reread command) {
        try {
            db.txRun(c -> command.refresh().apply(cluster.refresher(), c));
            command.done().complete(null);
        } catch (RuntimeException e) {
            log.warn("rereading the state failed: {}", e.toString());
            command.done().completeExceptionally(e);
        }
    }

    /**
     * Cluster: decides the run against the state in memory, then appends it checked against the
     * conversations' state versions. A refusal is first checked against the database (this node may
     * not have heard of a change that allows it yet); sends to conversations another node changed
     * meanwhile are decided again after a reread.
     */
    private void storeClusteredRun(List<Send> run, int attempt) {
        if (run.isEmpty()) {
            return;
        }
        List<SendRequest> requests = new ArrayList<>(run.size());
        for (Send send : run) {
            requests.add(send.request());
        }
        AppendDecider.Run decided;
        try {
            decided = decider.decide(requests, clock.millis());
            if (attempt == 0 && rereadRefused(requests, decided)) {
                decided.touched.forEach(Conversation::rollBack);
                decided = decider.decide(requests, clock.millis());
            }
        } catch (RuntimeException e) {
            log.error("checking {} messages failed", run.size(), e);
            run.forEach(send -> send.result().completeExceptionally(e));
            return;
        }
        // Held until this run's messages are pushed here: word of a later message that another node
        // stores right after this commit must not have its gap filled from the database first — that
        // would push this node's own messages without leaving out the connections that sent them.
        List<Conversation> pushOrder = new ArrayList<>(decided.touched);
        pushOrder.sort(java.util.Comparator.comparingLong(Conversation::id));
        pushOrder.forEach(conv -> conv.pushLock().lock());
        List<Send> again;
        try {
            again = appendClusteredRun(run, decided, attempt);
        } finally {
            pushOrder.forEach(conv -> conv.pushLock().unlock());
        }
        if (again == null || again.isEmpty()) {
            return;
        }
        storeClusteredRun(again, attempt + 1);
    }

    /**
     * Cluster: appends a decided run and completes its sends. Returns the sends to decide again
     * after a reread (their conversations changed on another node), or null if the whole run was
     * handled (or is being handled by a nested attempt).
     */
    private List<Send> appendClusteredRun(List<Send> run, AppendDecider.Run decided, int attempt) {
        JdbcMessageLog.Checked checked;
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (Conversation conv : decided.touched) {
            versions.put(conv.id(), conv.kind() == ConversationKind.SYSTEM ? JdbcMessageLog.ANY_VERSION : conv.stateVersion());
        }
        try {
            checked = decided.appends.isEmpty() ? new JdbcMessageLog.Checked(List.of(), Set.of(), Map.of())
                    : cluster.log().checkedAppend(decided.appends, versions);
        } catch (RuntimeException e) {
            decided.touched.forEach(Conversation::rollBack);
            if (attempt + 1 < MAX_CLUSTER_ATTEMPTS && (Jdbc.isUniqueViolation(e) || Jdbc.isTransient(e))) {
                // Another node stored one of these clientMsgIds meanwhile (a resend after failover):
                // deciding again finds it and answers with the stored message. Or PostgreSQL broke a
                // deadlock by aborting this batch: nothing of it was written, so it is written again.
                log.info("storing {} messages again after: {}", decided.appends.size(), e.getMessage());
                return run;
            }
            log.error("storing {} messages failed", decided.appends.size(), e);
            for (int i = 0; i < run.size(); i++) {
                Object decision = decided.decisions.get(i);
                complete(run.get(i), decision instanceof AppendDecider.Fresh ? e : decision);
            }
            return null;
        }
        for (Conversation conv : decided.touched) {
            Long head = checked.heads().get(conv.id());
            if (head != null) {
                conv.advanceTo(head);
            }
            conv.resumeFromHead();
        }
        List<Send> again = new ArrayList<>();
        List<MessageInfo> stored = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            Object decision = decided.decisions.get(i);
            if (decision instanceof AppendDecider.Fresh fresh) {
                MessageInfo message = checked.stored().get(fresh.append());
                if (message == null) {
                    again.add(run.get(i));
                    continue;
                }
                if (!fresh.resend()) {
                    stored.add(message);
                }
                decision = new SendResult(message, fresh.recipients(), fresh.resend());
            }
            complete(run.get(i), decision);
        }
        onStored.accept(stored.size());
        if (!stored.isEmpty()) {
            cluster.link().stored(stored);
        }
        if (again.isEmpty()) {
            return null;
        }
        if (attempt + 1 >= MAX_CLUSTER_ATTEMPTS) {
            ChatException busy = new ChatException(ErrorCode.UNAVAILABLE, "the conversation is changing; try again");
            again.forEach(send -> send.result().completeExceptionally(busy));
            return null;
        }
        try {
            db.txRun(c -> {
                for (long convId : checked.stale()) {
                    cluster.refresher().reloadConversation(c, convId);
                }
            });
        } catch (RuntimeException e) {
            log.error("rereading {} conversations failed", checked.stale().size(), e);
            again.forEach(send -> send.result().completeExceptionally(e));
            return null;
        }
        return again;
    }

    /**
     * Cluster: whether a refusal of the run (no such conversation, not a member, blocked) came from
     * a view of a conversation that another node has changed since; such conversations are reread.
     */
    private boolean rereadRefused(List<SendRequest> requests, AppendDecider.Run decided) {
        Set<Long> refused = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (decided.decisions.get(i) instanceof ChatException e
                    && (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN)) {
                refused.add(requests.get(i).convId());
            }
        }
        if (refused.isEmpty()) {
            return false;
        }
        return db.tx(c -> {
            boolean changed = false;
            for (long convId : refused) {
                Conversation known = state.conversation(convId);
                Long version = Jdbc.one(c, "SELECT state_version FROM conversations WHERE id = ?", rs -> rs.getLong(1), convId)
                        .orElse(null);
                if (version != null && (known == null || known.stateVersion() != version)) {
                    cluster.refresher().reloadConversation(c, convId);
                    changed = true;
                }
            }
            return changed;
        });
    }
}
