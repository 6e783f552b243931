package org.qchat.server.testing;

/** The database a test server runs on. */
public enum Backend {
    /** The embedded configuration (message log and H2) in a temporary data directory. */
    EMBEDDED,
    /** PostgreSQL at {@code QCHAT_PG_URL}, in a fresh schema per server instance. */
    POSTGRES
}
