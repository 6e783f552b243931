package org.qchat.server.config;

/**
 * What an acknowledged message survives, for the embedded store ({@code --durability}). PostgreSQL
 * follows its own {@code synchronous_commit}.
 */
public enum Durability {
    /** Acknowledged once written to the operating system: survives {@code kill -9}, not a power loss. */
    PROCESS,
    /** Acknowledged once forced to the disk (fsync per group commit): also survives a power loss. */
    POWER
}
