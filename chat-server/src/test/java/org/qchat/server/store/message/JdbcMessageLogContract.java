package org.qchat.server.store.message;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.UserStore;
import org.qchat.server.testing.Names;

/**
 * {@link JdbcMessageLog} against the contract, on a real database whose foreign keys want real
 * conversations and users: subclasses say which database.
 */
abstract class JdbcMessageLogContract extends MessageLogContract {

    @TempDir
    Path dataDir;
    private Database db;

    /** The server configuration of the database under test. */
    protected abstract ServerConfig config(Path dataDir);

    @Override
    protected MessageLog open() {
        db = Database.open(config(dataDir));
        return new JdbcMessageLog(db);
    }

    @Override
    protected MessageLog reopen() {
        log.close();
        db.close();
        return open();
    }

    @Override
    protected long newConversation() {
        return db.tx(tx -> new ConversationStore().createGroup(tx, 0));
    }

    @Override
    protected long newUser() {
        return db.tx(tx -> new UserStore().insert(tx, Names.unique("s"), "n", "x", 0));
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
