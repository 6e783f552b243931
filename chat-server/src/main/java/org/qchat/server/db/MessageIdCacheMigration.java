package org.qchat.server.db;

import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V2 (H2 only): lets the {@code messages.id} identity hand out 4,096 values per flush instead of 32.
 *
 * <p>Why: H2 records a sequence's high-water mark in a commit of its own whenever the cached block
 * runs out, and with {@code WRITE_DELAY=0} each such commit writes the store to disk. At the default
 * of 32 that was several extra disk writes per 256-message batch, more than the batch's own commit.
 * The cache is global in H2, so ids still grow in commit order; a crash at most skips unused ids.
 *
 * <p>PostgreSQL is left alone: there the cache is per session, so with a pool of connections ids
 * would no longer grow in commit order, and its sequences need no disk write per block anyway.
 */
public final class MessageIdCacheMigration implements JavaMigration {

    private static final String SET_CACHE = "ALTER TABLE messages ALTER COLUMN id SET CACHE 4096";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "h2 message id cache";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(SET_CACHE);
        }
    }
}
