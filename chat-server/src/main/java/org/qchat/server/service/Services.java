package org.qchat.server.service;

import java.time.Clock;
import java.util.function.IntConsumer;

import org.qchat.protocol.PacketMapper;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.limit.AccountThrottles;
import org.qchat.server.route.Router;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.RecallStore;
import org.qchat.server.store.ReadStateStore;
import org.qchat.server.store.SettingsStore;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.Storage;
import org.qchat.server.store.UserStore;
import org.qchat.server.store.file.FileCatalog;

/**
 * The services of one server over its {@link Storage}, with the two writers they share: the
 * message writer (messages and state changes, in one order) and the cursor writer. The writers
 * are started by {@link #start()} and stopped by the server in its shutdown order.
 */
public record Services(AccountService accounts, FriendService friends, GroupService groups, MessageService messages,
                       SyncService sync, AdminService admin, PresenceService presence, SessionJanitor janitor,
                       MessageWriter writer, CursorWriter cursorWriter, RecallService recalls, TypingService typing,
                       MessageExtrasCheck extras, ReadState readState) {

    /** Read receipts and the settings a user's devices share (docs/protocol.md 8.11, 8.12). */
    public record ReadState(ReceiptService receipts, SettingsService settings) {
    }

    /**
     * Where the services reach devices and other processes: a single server's own router, or a
     * cluster node's.
     *
     * @param router        devices of every user (a cluster's reaches other nodes)
     * @param nearby        devices of this process only
     * @param pushes        how committed messages reach devices
     * @param cluster       how the writer writes beside other nodes; null for a single server
     * @param elsewhere     closes devices held by other processes
     * @param beforeLogin   run before a login binds a device
     */
    public record Wiring(Router router, Router nearby, MessagePushes pushes, ClusterWrites cluster,
                         DeviceCloser.Elsewhere elsewhere, java.util.function.LongConsumer beforeLogin) {

        public static Wiring single(Router router, DeviceCloser.Elsewhere elsewhere, Storage storage) {
            return new Wiring(router, router,
                    MessagePushes.through(router, new ReplyPushes(storage.state(), storage.messages())), null, elsewhere,
                    userId -> { });
        }
    }

    /** @param onStored told how many messages each append stored (metrics) */
    public static Services create(ServerConfig config, Storage storage, Router router, PacketMapper mapper, Clock clock,
                                  IntConsumer onStored) {
        return create(config, storage, Wiring.single(router, DeviceCloser.Elsewhere.NOWHERE, storage), mapper, clock, onStored);
    }

    /** @param onStored told how many messages each append stored (metrics) */
    public static Services create(ServerConfig config, Storage storage, Wiring wiring, PacketMapper mapper, Clock clock,
                                  IntConsumer onStored) {
        Router router = wiring.router();
        var db = storage.db();
        UserStore users = new UserStore();
        SessionStore sessions = new SessionStore();
        FriendStore friendStore = new FriendStore();
        BlockStore blocks = new BlockStore();
        ConversationStore conversations = new ConversationStore();
        InputValidator validate = new InputValidator(config.limits());
        Directory directory = new Directory(users);
        PasswordHasher hasher = new PasswordHasher();

        MessageWriter writer = new MessageWriter(db, storage.state(), conversations, blocks, storage.messages(), clock,
                config.messageBatchSize(), onStored, storage.afterStateCommit(),
                // The test-only early ack needs sends to wait in the queue, where a kill loses them.
                storage.appendsNeverWait() && !config.unsafeAckBeforeCommit(), wiring.cluster());
        writer.pushSystemLinesThrough(wiring.pushes());
        CursorWriter cursorWriter = new CursorWriter(db, new CursorStore(), clock);
        PresenceService presence = new PresenceService(db, friendStore, sessions, router, wiring.nearby(), clock,
                wiring.beforeLogin());
        DeviceCloser closer = new DeviceCloser(router, wiring.elsewhere());
        AccountService accounts = new AccountService(db, users, sessions, writer, friendStore, hasher,
                new TokenGenerator(), validate, presence, router, clock, config.tokenIdleTimeout().toMillis(),
                AccountThrottles.of(config.rateLimits(), System::nanoTime), closer);
        FriendService friends = new FriendService(db, writer, friendStore, blocks, users, conversations, directory, validate,
                router, clock, config.caps());
        GroupService groups = new GroupService(db, writer, new GroupStore(), friendStore, blocks, users, directory,
                validate, router, clock, config.caps());
        MessageViews views = new MessageViews(storage.state(), storage.messages(), db, new RecallStore());
        MessageService messages = new MessageService(storage.state(), storage.messages(), writer, validate, wiring.pushes(),
                mapper, config.maxFrameLength(), config.unsafeAckBeforeCommit(), views);
        RecallService recalls = new RecallService(storage.state(), views, writer, storage.messages(), db, new RecallStore(),
                new GroupStore(), new FileCatalog(), router, clock, config.recallWindow());
        TypingService typing = new TypingService(storage.state(), router, clock);
        MessageExtrasCheck extras = new MessageExtrasCheck(storage.state(), views, db, new GroupStore());
        ReadStateStore reads = new ReadStateStore();
        SettingsStore settingsStore = new SettingsStore();
        ReadCursors readCursors = new ReadCursors(db, reads, cursorWriter);
        ReceiptPublisher receiptPushes = new ReceiptPublisher(readCursors, storage.state(), router, config.receiptGroupSize());
        SyncService sync = new SyncService(db, storage.state(), new CursorStore(), friends, cursorWriter, reads, settingsStore,
                receiptPushes::moved);
        ReadState readState = new ReadState(
                new ReceiptService(db, storage.state(), reads, readCursors, receiptPushes, clock),
                new SettingsService(db, storage.state(), settingsStore, friendStore, users, directory, router, clock));
        AdminService admin = new AdminService(db, users, sessions, hasher, validate, closer);
        SessionJanitor janitor = new SessionJanitor(db, sessions, router, clock, config.tokenIdleTimeout().toMillis());
        return new Services(accounts, friends, groups, messages, sync, admin, presence, janitor, writer, cursorWriter,
                recalls, typing, extras, readState);
    }

    public void start() {
        writer.start();
        cursorWriter.start();
    }
}
