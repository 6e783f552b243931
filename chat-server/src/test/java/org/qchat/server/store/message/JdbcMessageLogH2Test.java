package org.qchat.server.store.message;

import java.nio.file.Path;

import org.qchat.server.config.ServerConfig;

/** The database message store on H2 (what the embedded configuration used before the log). */
class JdbcMessageLogH2Test extends JdbcMessageLogContract {

    @Override
    protected ServerConfig config(Path dataDir) {
        return ServerConfig.builder().dataDir(dataDir).build();
    }
}
