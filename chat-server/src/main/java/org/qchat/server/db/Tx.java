package org.qchat.server.db;

import java.sql.Connection;

/**
 * One open database transaction, as services hand it to repositories: services pass it along
 * and never touch JDBC; repositories read and write through it. Valid only inside the
 * {@link Database#tx} call that made it, on that call's thread.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    /** The transaction's JDBC connection, for repositories. */
    public Connection connection() {
        return connection;
    }
}
