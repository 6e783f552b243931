package org.qchat.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.MessageInfo;
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

    private sealed interface Command permits Send, Change {
    }

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
                    storeRun(run);
                    run.clear();
                    applyChange((Change) command);
                }
            }
            storeRun(run);
        }

        @Override
        public boolean mayRunOnCaller(Command command) {
            return sendsOnCaller && command instanceof Send;
        }

        @Override
        public void reject(Command command, Exception cause) {
            CompletableFuture<?> result = command instanceof Send send ? send.result() : ((Change) command).result();
            result.completeExceptionally(cause);
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
        try {
            Object[] value = new Object[1];
            StateEditor editor = db.tx(c -> {
                StateEditor edit = new StateEditor(state, conversations, blocks, c);
                value[0] = command.change().apply(edit);
                return edit;
            });
            try {
                afterStateCommit.run();
            } catch (RuntimeException e) {
                log.error("forcing a committed state change to disk failed", e);
            }
            editor.apply();
            command.result().complete(value[0]);
        } catch (ChatException | RuntimeException e) {
            command.result().completeExceptionally(e);
        }
    }
}
