package org.qchat.server.db;

import java.sql.SQLException;

/** A database failure nobody can fix by changing the request; reported as INTERNAL. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True for unique-constraint violations (SQLState 23505 on H2 and PostgreSQL). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
