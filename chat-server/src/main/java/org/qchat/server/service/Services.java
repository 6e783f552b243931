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
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.Storage;
import org.qchat.server.store.UserStore;

/**
 * The services of one server over its {@link Storage}, with the two writers they share: the
 * message writer (messages and state changes, in one order) and the cursor writer. The writers
 * are started by {@link #start()} and stopped by the server in its shutdown order.
 */
public record Services(AccountService accounts, FriendService friends, GroupService groups, MessageService messages,
                       SyncService sync, AdminService admin, PresenceService presence, SessionJanitor janitor,
                       MessageWriter writer, CursorWriter cursorWriter) {

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

        public static Wiring single(Router router, DeviceCloser.Elsewhere elsewhere) {
            return new Wiring(router, router, MessagePushes.through(router), null, elsewhere, userId -> { });
        }
    }

    /** @param onStored told how many messages each append stored (metrics) */
    public static Services create(ServerConfig config, Storage storage, Router router, PacketMapper mapper, Clock clock,
                                  IntConsumer onStored) {
        return create(config, storage, Wiring.single(router, DeviceCloser.Elsewhere.NOWHERE), mapper, clock, onStored);
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
        MessageService messages = new MessageService(storage.state(), storage.messages(), writer, validate, wiring.pushes(),
                mapper, config.maxFrameLength(), config.unsafeAckBeforeCommit());
        SyncService sync = new SyncService(db, storage.state(), new CursorStore(), friends, cursorWriter);
        AdminService admin = new AdminService(db, users, sessions, hasher, validate, closer);
        SessionJanitor janitor = new SessionJanitor(db, sessions, router, clock, config.tokenIdleTimeout().toMillis());
        return new Services(accounts, friends, groups, messages, sync, admin, presence, janitor, writer, cursorWriter);
    }

    public void start() {
        writer.start();
        cursorWriter.start();
    }
}
