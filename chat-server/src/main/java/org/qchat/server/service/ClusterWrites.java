package org.qchat.server.service;

import java.util.List;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.state.StateEditor;
import org.qchat.server.state.StateRefresher;
import org.qchat.server.store.message.JdbcMessageLog;

/**
 * How the {@link MessageWriter} writes when other nodes write the same PostgreSQL database: seqs
 * from the locked conversation rows and appends checked against their state versions
 * ({@link JdbcMessageLog#checkedAppend}), state changes serialised across nodes and reread after
 * their commit ({@link StateRefresher}), and the other nodes told of both ({@link Link}).
 */
public record ClusterWrites(JdbcMessageLog log, StateRefresher refresher, Link link) {

    /** Tells the other nodes what this one committed. Called on the writer thread; must not block. */
    public interface Link {

        /** Messages of one run, stored and pushed to this node's devices. */
        void stored(List<MessageInfo> messages);

        /** A state change committed: what the other nodes must reread. */
        void changed(StateEditor.Touched touched);
    }

    /** A reread of part of the state on the writer thread, e.g. on word from another node. */
    @FunctionalInterface
    public interface Refresh {
        void apply(StateRefresher refresher, org.qchat.server.db.Tx tx) throws java.sql.SQLException;
    }
}
