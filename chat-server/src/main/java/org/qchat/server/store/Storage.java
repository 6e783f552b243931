package org.qchat.server.store;

import org.qchat.server.config.Durability;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.StateLoader;
import org.qchat.server.store.message.JdbcMessageLog;
import org.qchat.server.store.message.LegacyMessageImport;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.file.SegmentedMessageLog;

/**
 * Everything the server keeps, opened together: the database (accounts, friends, groups, cursors;
 * migrated at open), the message store, and the state in memory loaded from both. The embedded
 * configuration keeps messages in an append-only log under {@code <data-dir>/messages} and the rest
 * in H2 ({@code <data-dir>/qchat.mv.db}); with {@code --db-url} messages go to the database's
 * {@code messages} table. A data dir of the previous release is upgraded on open
 * ({@link LegacyMessageImport}).
 */
public final class Storage implements AutoCloseable {

    private final Database db;
    private final MessageLog messages;
    private final ChatState state;
    private final Runnable afterStateCommit;
    private final boolean appendsNeverWait;

    private Storage(Database db, MessageLog messages, ChatState state, Runnable afterStateCommit, boolean appendsNeverWait) {
        this.db = db;
        this.messages = messages;
        this.state = state;
        this.afterStateCommit = afterStateCommit;
        this.appendsNeverWait = appendsNeverWait;
    }

    /**
     * Opens the storage of {@code config}. The embedded store's directory is locked first, so a
     * second server on the same data dir is refused with a message naming the first one.
     */
    public static Storage open(ServerConfig config) {
        MessageLog messages = null;
        Database db = null;
        try {
            if (config.embedded()) {
                SegmentedMessageLog log = SegmentedMessageLog.open(config.messagesDir(), config.durability());
                messages = log;
                db = Database.open(config);
                messages = LegacyMessageImport.run(db, log,
                        () -> SegmentedMessageLog.open(config.messagesDir(), config.durability()));
            } else {
                db = Database.open(config);
                messages = new JdbcMessageLog(db);
            }
            ChatState state = StateLoader.load(db, messages);
            Database database = db;
            Runnable afterStateCommit = config.embedded() && config.durability() == Durability.POWER
                    ? () -> database.txRun(c -> Jdbc.update(c, "CHECKPOINT SYNC"))
                    : () -> { };
            return new Storage(db, messages, state, afterStateCommit,
                    config.embedded() && config.durability() == Durability.PROCESS);
        } catch (RuntimeException | Error e) {
            if (messages != null) {
                messages.close();
            }
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    /**
     * Whether appending a message never waits: the embedded store under process durability writes
     * to the page cache and returns. Then sends may be stored on the thread that receives them.
     */
    public boolean appendsNeverWait() {
        return appendsNeverWait;
    }

    public Database db() {
        return db;
    }

    public MessageLog messages() {
        return messages;
    }

    public ChatState state() {
        return state;
    }

    /**
     * What must run after a state change committed: under {@code --durability power} the embedded
     * database forces its file to disk (it does not on commit).
     */
    public Runnable afterStateCommit() {
        return afterStateCommit;
    }

    @Override
    public void close() {
        try {
            messages.close();
        } finally {
            db.close();
        }
    }
}
