package org.qchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.qchat.server.ChatServer;

import org.qchat.server.store.message.MessageLogException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server's command line. Every option can also come from the environment
 * ({@code QCHAT_PORT}) or a properties file given with {@code --config} (key {@code port}).
 */
@Command(name = "qchat-server", mixinStandardHelpOptions = true, version = ChatServer.VERSION,
        description = "Runs the qchat server. Options may also be set as QCHAT_<OPTION> environment variables "
                + "or in a properties file given with --config.",
        subcommands = {UserCommand.class, SeedCommand.class}, sortOptions = false)
public final class ServerOptions implements Callable<Integer> {

    @Option(names = "--config", description = "Properties file with option defaults (key = option name).")
    Path config;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "9321", description = "Chat port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", defaultValue = "qchat-data", description = "Directory of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://host/db; default: embedded H2 under --data-dir.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (prefer the QCHAT_DB_PASSWORD variable).")
    String dbPassword;

    @Option(names = "--db-schema", description = "Database schema to create and use.")
    String dbSchema;

    @Option(names = "--db-pool-size", defaultValue = "8", description = "Database connections (default: ${DEFAULT-VALUE}).")
    int dbPoolSize;

    @Option(names = "--max-frame", defaultValue = "262144", description = "Largest frame body in bytes (default: ${DEFAULT-VALUE}).")
    int maxFrame;

    @Option(names = "--idle-timeout", defaultValue = "90", description = "Seconds without input before a connection is closed (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--token-idle-days", defaultValue = "30", description = "Days a session token stays valid without use (default: ${DEFAULT-VALUE}).")
    int tokenIdleDays;

    @Option(names = "--recall-window", defaultValue = "120", description = "Seconds after sending during which a member may recall their own message (default: ${DEFAULT-VALUE}).")
    long recallWindowSeconds;

    @Option(names = "--admins", split = ",", description = "Usernames of server admins (broadcast, disable, reset), comma-separated.")
    List<String> admins = List.of();

    @Option(names = "--metrics-bind", defaultValue = "127.0.0.1", description = "Address of /health and /metrics (default: ${DEFAULT-VALUE}).")
    String metricsBind;

    @Option(names = "--metrics-port", defaultValue = "9322", description = "Port of /health and /metrics; -1 turns them off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--group-cap", defaultValue = "500", description = "Most members a group may have (default: ${DEFAULT-VALUE}).")
    int groupCap;

    @Option(names = "--max-text", defaultValue = "4000", description = "Longest message text in characters (default: ${DEFAULT-VALUE}).")
    int maxText;

    @Option(names = "--max-nickname", defaultValue = "32", description = "Longest nickname (default: ${DEFAULT-VALUE}).")
    int maxNickname;

    @Option(names = "--max-signature", defaultValue = "128", description = "Longest signature (default: ${DEFAULT-VALUE}).")
    int maxSignature;

    @Option(names = "--max-note", defaultValue = "128", description = "Longest friend-request note (default: ${DEFAULT-VALUE}).")
    int maxNote;

    @Option(names = "--max-group-name", defaultValue = "32", description = "Longest group name (default: ${DEFAULT-VALUE}).")
    int maxGroupName;

    @Option(names = "--min-password", defaultValue = "8", description = "Shortest password (default: ${DEFAULT-VALUE}).")
    int minPassword;

    @Option(names = "--max-password", defaultValue = "128", description = "Longest password (default: ${DEFAULT-VALUE}).")
    int maxPassword;

    @Option(names = "--max-invite", defaultValue = "50", description = "Most users one group invite may add (default: ${DEFAULT-VALUE}).")
    int maxInvite;

    @Option(names = "--page-size", defaultValue = "50", description = "Messages per page when a client gives no limit (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--max-page-size", defaultValue = "200", description = "Most messages a client may ask for in one page (default: ${DEFAULT-VALUE}).")
    int maxPageSize;

    @Option(names = "--message-batch", defaultValue = "256", description = "Most messages committed in one transaction (default: ${DEFAULT-VALUE}).")
    int messageBatch;

    @Option(names = "--durability", defaultValue = "process", converter = DurabilityConverter.class,
            description = "Embedded store: 'process' acknowledges a message once written to the operating system (survives kill -9), "
                    + "'power' once forced to disk (also survives a power loss; slower) (default: ${DEFAULT-VALUE}).")
    Durability durability;

    @Option(names = "--request-rate", defaultValue = "20", description = "Requests per second one connection may sustain (default: ${DEFAULT-VALUE}).")
    double requestRate;

    @Option(names = "--request-burst", defaultValue = "60", description = "Requests one connection may send in a burst (default: ${DEFAULT-VALUE}).")
    int requestBurst;

    @Option(names = "--login-free-failures", defaultValue = "5", description = "Failed logins per account and address before delays start (default: ${DEFAULT-VALUE}).")
    int loginFreeFailures;

    @Option(names = "--login-free-failures-per-address", defaultValue = "20", description = "Failed logins per address, any account, before delays start (default: ${DEFAULT-VALUE}).")
    int loginFreeFailuresPerAddress;

    @Option(names = "--login-base-delay-ms", defaultValue = "1000", description = "First login delay after the free failures; doubles each time (default: ${DEFAULT-VALUE}).")
    long loginBaseDelayMs;

    @Option(names = "--login-max-delay-seconds", defaultValue = "900", description = "Longest login delay (default: ${DEFAULT-VALUE}).")
    long loginMaxDelaySeconds;

    @Option(names = "--registrations-per-hour", defaultValue = "10", description = "Accounts one address may create per hour (default: ${DEFAULT-VALUE}).")
    int registrationsPerHour;

    @Option(names = "--max-friends", defaultValue = "1000", description = "Friends per user (default: ${DEFAULT-VALUE}).")
    int maxFriends;

    @Option(names = "--max-groups-per-user", defaultValue = "200", description = "Groups one user may belong to (default: ${DEFAULT-VALUE}).")
    int maxGroupsPerUser;

    @Option(names = "--max-pending-requests", defaultValue = "100", description = "Outgoing friend requests one user may have pending (default: ${DEFAULT-VALUE}).")
    int maxPendingRequests;

    @Option(names = "--receipt-group-size", defaultValue = "100", description = "Largest group whose members get each "
            + "other's read receipts (default: ${DEFAULT-VALUE}; 0: none).")
    int receiptGroupSize;

    @Option(names = "--max-outbound-queue", defaultValue = "4194304", description = "Bytes queued for a client that is not reading before it is disconnected (default: ${DEFAULT-VALUE}).")
    long maxOutboundQueue;

    @Option(names = "--files-dir", description = "Directory of stored files (default: files under --data-dir). "
            + "The nodes of a cluster must share one.")
    Path filesDir;

    @Option(names = "--max-file-size", defaultValue = "100MiB", converter = ByteSize.class,
            description = "Largest file a user may upload: bytes, or with KiB, MiB, GiB (default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--max-image-size", defaultValue = "20MiB", converter = ByteSize.class,
            description = "Largest file sent as an image; larger ones go as files (default: ${DEFAULT-VALUE}).")
    long maxImageSize;

    @Option(names = "--max-image-pixels", defaultValue = "50000000",
            description = "Largest image area (width x height) the server decodes for a thumbnail (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Option(names = "--user-quota", defaultValue = "2GiB", converter = ByteSize.class,
            description = "Bytes of files one user may hold (default: ${DEFAULT-VALUE}).")
    long userQuota;

    @Option(names = "--tls-keystore", description = "PKCS12 or JKS keystore with the server's key and certificate; turns on TLS for the chat port.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", description = "Keystore password (prefer QCHAT_TLS_KEYSTORE_PASSWORD).")
    String tlsKeystorePassword;

    @Option(names = "--tls-keystore-type", defaultValue = "PKCS12", description = "PKCS12 or JKS (default: ${DEFAULT-VALUE}).")
    String tlsKeystoreType;

    @Option(names = "--cluster-redis", description = "Redis URI (redis://host:port, rediss:// for TLS) that makes this "
            + "server a node of a cluster sharing --db-url (PostgreSQL).")
    String clusterRedis;

    @Option(names = "--cluster-redis-password", description = "Redis password (prefer QCHAT_CLUSTER_REDIS_PASSWORD).")
    String clusterRedisPassword;

    @Option(names = "--node-id", description = "This node's name in the cluster (default: host name and port).")
    String nodeId;

    @Option(names = "--node-timeout", defaultValue = "15", description = "Seconds without a heartbeat before a node's "
            + "users are shown offline (default: ${DEFAULT-VALUE}).")
    int nodeTimeoutSeconds;

    @Option(names = "--test-only-ack-before-commit", hidden = true,
            description = "Breaks durability on purpose (acks before commit) so the crash test can prove it notices.")
    boolean unsafeAckBeforeCommit;

    /** Parses {@code args} and runs the server or a subcommand; returns the exit code. */
    public static int run(String[] args) {
        try {
            CommandLine cli = new CommandLine(new ServerOptions());
            cli.setDefaultValueProvider(LayeredDefaults.load(System.getenv(), configFileOf(args)));
            // A bad option value is one line, not the whole usage: the operator knows what they typed.
            cli.setParameterExceptionHandler((e, arguments) -> {
                System.err.println("qchat-server: " + e.getMessage() + " (see --help)");
                return 2;
            });
            cli.setExecutionExceptionHandler((e, command, parsed) -> {
                if (e instanceof MessageLogException || e instanceof IllegalArgumentException) {
                    Exception refused = e;
                    // e.g. the data dir is in use by another server: the operator needs the sentence, not a trace.
                    System.err.println("qchat-server: " + refused.getMessage());
                    return 1;
                }
                throw e;
            });
            return cli.execute(args);
        } catch (java.io.IOException e) {
            System.err.println("cannot read the config file: " + e.getMessage());
            return 2;
        }
    }

    /** The config file must be known before parsing, since it supplies defaults for the parse. */
    private static Path configFileOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        String fromEnv = System.getenv(LayeredDefaults.envName("config"));
        return fromEnv == null ? null : Path.of(fromEnv);
    }

    public ServerConfig toConfig() {
        Limits defaults = Limits.defaults();
        Limits limits = new Limits(defaults.minUsername(), defaults.maxUsername(), minPassword, maxPassword,
                maxNickname, maxSignature, maxNote, maxGroupName, maxText, groupCap, maxInvite, pageSize, maxPageSize,
                defaults.defaultSearch(), defaults.maxSearch());
        return ServerConfig.builder()
                .bindAddress(bind).port(port).dataDir(dataDir)
                .dbUrl(dbUrl).dbUser(dbUser).dbPassword(dbPassword).dbSchema(dbSchema).dbPoolSize(dbPoolSize)
                .maxFrameLength(maxFrame).idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .tokenIdleTimeout(Duration.ofDays(tokenIdleDays))
                .adminUsernames(new LinkedHashSet<>(admins)).limits(limits)
                .metricsBindAddress(metricsBind).metricsPort(metricsPort).messageBatchSize(messageBatch).durability(durability)
                .rateLimits(new RateLimits(requestRate, requestBurst, loginFreeFailures, loginFreeFailuresPerAddress,
                        Duration.ofMillis(loginBaseDelayMs), Duration.ofSeconds(loginMaxDelaySeconds), registrationsPerHour))
                .caps(new Caps(maxFriends, maxGroupsPerUser, maxPendingRequests, maxOutboundQueue))
                .tls(tlsKeystore == null ? null : new Tls(tlsKeystore, tlsKeystorePassword, tlsKeystoreType))
                .unsafeAckBeforeCommit(unsafeAckBeforeCommit)
                .cluster(clusterRedis == null || clusterRedis.isBlank() ? null
                        : new ClusterConfig(clusterRedis, clusterRedisPassword, nodeId == null ? defaultNodeId() : nodeId,
                                Duration.ofSeconds(Math.max(1, nodeTimeoutSeconds))))
                .files(new FileLimits(filesDir, maxFileSize, maxImageSize, maxImagePixels, userQuota))
                .recallWindow(Duration.ofSeconds(recallWindowSeconds))
                .receiptGroupSize(receiptGroupSize)
                .build();
    }

    private String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + port;
    }

    /** Accepts the documented lower-case names. */
    static final class DurabilityConverter implements CommandLine.ITypeConverter<Durability> {
        @Override
        public Durability convert(String value) {
            for (Durability d : Durability.values()) {
                if (d.name().equalsIgnoreCase(value.trim())) {
                    return d;
                }
            }
            throw new CommandLine.TypeConversionException("expected 'process' or 'power', not '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig serverConfig = toConfig();
        ChatServer server = ChatServer.start(serverConfig);
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onTermination(stop::countDown);
        // Covers exits that are not a TERM/INT signal we handle (System.exit elsewhere, hangup).
        Thread hook = new Thread(server::close, "qchat-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
        server.close();
        return 0;
    }
}
