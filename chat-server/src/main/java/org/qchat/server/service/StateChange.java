package org.qchat.server.service;

import java.sql.SQLException;

import org.qchat.server.state.StateEditor;

/**
 * A change of who may send where (friends, blocks, memberships, accounts joining the system
 * conversation), with the database work around it. Runs on the writer thread, in one transaction,
 * between two message batches ({@link MessageWriter#change}); what it edits through the
 * {@link StateEditor} takes effect in memory after the commit, before any later message is checked.
 * Keep it short: messages wait while it runs.
 */
@FunctionalInterface
public interface StateChange<T> {
    T apply(StateEditor edit) throws SQLException, ChatException;
}
