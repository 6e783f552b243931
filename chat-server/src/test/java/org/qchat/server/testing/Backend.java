package org.qchat.server.testing;

/** The database a test server runs on. */
public enum Backend {
    /** Embedded H2 file database in a temporary data directory. */
    H2,
    /** PostgreSQL at {@code QCHAT_PG_URL}, in a fresh schema per server instance. */
    POSTGRES
}
