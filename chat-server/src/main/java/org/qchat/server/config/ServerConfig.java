package org.qchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.qchat.protocol.FrameCodec;

/**
 * Everything the server needs to start. Built from file, environment and flags by
 * {@link ServerOptions}, or directly with {@link #builder()} (tests, embedding).
 *
 * @param dbUrl       JDBC URL; null means the embedded H2 file database under {@code dataDir}
 * @param dbSchema    schema to create and use (PostgreSQL); null for the default schema
 * @param metricsPort port of the /health and /metrics HTTP endpoint; -1 disables it, 0 picks a free one
 * @param durability  what an acknowledged message survives on the embedded store
 * @param tls         keystore for TLS on the chat port, or null for plain TCP (loopback development)
 * @param receiptGroupSize the largest group (current members) whose members get each other's read
 *                    receipts pushed and may list them; 0 turns group receipts off
 * @param unsafeAckBeforeCommit TEST ONLY: acknowledge messages before their commit, which loses
 *                    acknowledged messages on a crash; exists so the crash test can show it fails
 * @param recallWindow how long after sending a member may recall their own message
 */
public record ServerConfig(
        String bindAddress, int port, Path dataDir,
        String dbUrl, String dbUser, String dbPassword, String dbSchema, int dbPoolSize,
        int maxFrameLength, Duration idleTimeout, Duration tokenIdleTimeout,
        Set<String> adminUsernames, Limits limits,
        String metricsBindAddress, int metricsPort,
        int messageBatchSize, Durability durability, RateLimits rateLimits, Caps caps, Tls tls,
        boolean unsafeAckBeforeCommit, ClusterConfig cluster, FileLimits files, Duration recallWindow,
        int receiptGroupSize) {

    public static final int DEFAULT_PORT = 9321;
    public static final int DEFAULT_METRICS_PORT = 9322;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxFrameLength < 1024) {
            throw new IllegalArgumentException("max frame length must be at least 1024 bytes");
        }
        if (idleTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("idle timeout must be at least 1 second");
        }
        java.util.Objects.requireNonNull(durability, "durability");
        if (recallWindow == null || recallWindow.isNegative()) {
            throw new IllegalArgumentException("recall window must be 0 or more");
        }
        if (receiptGroupSize < 0) {
            throw new IllegalArgumentException("receipt group size must not be negative");
        }
        if (cluster != null && (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("a cluster node keeps everything in PostgreSQL, which the nodes share: "
                    + "--cluster-redis needs --db-url jdbc:postgresql://...");
        }
        adminUsernames = Set.copyOf(adminUsernames.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /** Whether messages go to the embedded store under the data dir (no {@code --db-url}). */
    public boolean embedded() {
        return dbUrl == null || dbUrl.isBlank();
    }

    /** Where the embedded store keeps messages. */
    public Path messagesDir() {
        return dataDir.resolve("messages");
    }

    /** The JDBC URL to use: the configured one, or the embedded H2 database under the data dir. */
    public String effectiveDbUrl() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return dbUrl;
        }
        // WRITE_DELAY=0: a commit reaches the file before the commit call returns, so an acked
        // message survives kill -9. DB_CLOSE_ON_EXIT=FALSE: our shutdown hook closes the database
        // after the last queued write, not H2's own hook. CACHE_SIZE (KiB): H2's default 16 MiB page
        // cache thrashed under 1:1 traffic (its LIRS bookkeeping was a fifth of the writer's CPU).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("qchat")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536";
    }

    public boolean isAdmin(String username) {
        return adminUsernames.contains(username.toLowerCase(java.util.Locale.ROOT));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.port = port;
        b.dataDir = dataDir;
        b.dbUrl = dbUrl;
        b.dbUser = dbUser;
        b.dbPassword = dbPassword;
        b.dbSchema = dbSchema;
        b.dbPoolSize = dbPoolSize;
        b.maxFrameLength = maxFrameLength;
        b.idleTimeout = idleTimeout;
        b.tokenIdleTimeout = tokenIdleTimeout;
        b.adminUsernames = adminUsernames;
        b.limits = limits;
        b.metricsBindAddress = metricsBindAddress;
        b.metricsPort = metricsPort;
        b.messageBatchSize = messageBatchSize;
        b.durability = durability;
        b.rateLimits = rateLimits;
        b.caps = caps;
        b.tls = tls;
        b.unsafeAckBeforeCommit = unsafeAckBeforeCommit;
        b.cluster = cluster;
        b.files = files;
        b.recallWindow = recallWindow;
        b.receiptGroupSize = receiptGroupSize;
        return b;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of("qchat-data");
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private String dbSchema;
        private int dbPoolSize = 8;
        private int maxFrameLength = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
        private Duration idleTimeout = Duration.ofSeconds(90);
        private Duration tokenIdleTimeout = Duration.ofDays(30);
        private Set<String> adminUsernames = Set.of();
        private Limits limits = Limits.defaults();
        private String metricsBindAddress = "127.0.0.1";
        private int metricsPort = DEFAULT_METRICS_PORT;
        private int messageBatchSize = 256;
        private Durability durability = Durability.PROCESS;
        private RateLimits rateLimits = RateLimits.defaults();
        private Caps caps = Caps.defaults();
        private Tls tls;
        private boolean unsafeAckBeforeCommit;
        private ClusterConfig cluster;
        private FileLimits files = FileLimits.defaults();
        private Duration recallWindow = Duration.ofMinutes(2);
        private int receiptGroupSize = 100;

        private Builder() {
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder dbUrl(String v) { dbUrl = v; return this; }
        public Builder dbUser(String v) { dbUser = v; return this; }
        public Builder dbPassword(String v) { dbPassword = v; return this; }
        public Builder dbSchema(String v) { dbSchema = v; return this; }
        public Builder dbPoolSize(int v) { dbPoolSize = v; return this; }
        public Builder maxFrameLength(int v) { maxFrameLength = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder tokenIdleTimeout(Duration v) { tokenIdleTimeout = v; return this; }
        public Builder adminUsernames(Set<String> v) { adminUsernames = v; return this; }
        public Builder limits(Limits v) { limits = v; return this; }
        public Builder metricsBindAddress(String v) { metricsBindAddress = v; return this; }
        public Builder metricsPort(int v) { metricsPort = v; return this; }
        public Builder messageBatchSize(int v) { messageBatchSize = v; return this; }
        public Builder durability(Durability v) { durability = v; return this; }
        public Builder rateLimits(RateLimits v) { rateLimits = v; return this; }
        public Builder caps(Caps v) { caps = v; return this; }
        public Builder tls(Tls v) { tls = v; return this; }
        public Builder unsafeAckBeforeCommit(boolean v) { unsafeAckBeforeCommit = v; return this; }
        public Builder cluster(ClusterConfig v) { cluster = v; return this; }
        public Builder files(FileLimits v) { files = v; return this; }
        public Builder recallWindow(Duration v) { recallWindow = v; return this; }
        public Builder receiptGroupSize(int v) { receiptGroupSize = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(bindAddress, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, dbPoolSize,
                    maxFrameLength, idleTimeout, tokenIdleTimeout, adminUsernames, limits, metricsBindAddress,
                    metricsPort, messageBatchSize, durability, rateLimits, caps, tls, unsafeAckBeforeCommit, cluster, files,
                    recallWindow, receiptGroupSize);
        }
    }
}
