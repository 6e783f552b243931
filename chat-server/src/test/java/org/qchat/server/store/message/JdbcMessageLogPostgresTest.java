package org.qchat.server.store.message;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.PostgresSchema;

/** The database message store on PostgreSQL ({@code QCHAT_PG_URL}): one statement per batch. */
class JdbcMessageLogPostgresTest extends JdbcMessageLogContract {

    private PostgresSchema schema;

    @Override
    protected ServerConfig config(Path dataDir) {
        if (schema == null) {
            schema = PostgresSchema.fresh();
        }
        return ServerConfig.builder().dbUrl(schema.url()).dbSchema(schema.name()).build();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
