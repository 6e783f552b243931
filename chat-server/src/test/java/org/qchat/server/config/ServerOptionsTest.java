package org.qchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ServerOptionsTest {

    @TempDir
    Path dir;

    private ServerConfig parse(Map<String, String> env, Path file, String... args) throws IOException {
        ServerOptions options = new ServerOptions();
        CommandLine cli = new CommandLine(options);
        cli.setDefaultValueProvider(LayeredDefaults.load(env, file));
        cli.parseArgs(args);
        return options.toConfig();
    }

    @Test
    void withNothingGivenTheDocumentedDefaultsApply() throws IOException {
        ServerConfig config = parse(Map.of(), null);
        assertThat(config.port()).isEqualTo(9321);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.maxFrameLength()).isEqualTo(256 * 1024);
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.limits()).isEqualTo(Limits.defaults());
        assertThat(config.metricsBindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.effectiveDbUrl()).startsWith("jdbc:h2:file:").contains("WRITE_DELAY=0");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Path file = dir.resolve("qchat.properties");
        Files.writeString(file, "port=1111\ngroup-cap=7\nidle-timeout=11\nadmins=root,ops\n");
        Map<String, String> env = Map.of("QCHAT_PORT", "2222", "QCHAT_IDLE_TIMEOUT", "22");

        ServerConfig config = parse(env, file, "--idle-timeout", "33");

        assertThat(config.port()).isEqualTo(2222);
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(33));
        assertThat(config.limits().groupMemberCap()).isEqualTo(7);
        assertThat(config.isAdmin("ROOT")).isTrue();
        assertThat(config.isAdmin("ops")).isTrue();
        assertThat(config.isAdmin("alice")).isFalse();
    }

    @Test
    void anExplicitDatabaseUrlReplacesTheEmbeddedOne() throws IOException {
        ServerConfig config = parse(Map.of("QCHAT_DB_URL", "jdbc:postgresql://db/qchat"), null);
        assertThat(config.effectiveDbUrl()).isEqualTo("jdbc:postgresql://db/qchat");
    }

    /** Runs the command line as {@code main} does; returns its exit code and what it printed on stderr. */
    private static Object[] runCapturingStderr(String... args) {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = ServerOptions.run(args);
            return new Object[] {code, err.toString(java.nio.charset.StandardCharsets.UTF_8).strip()};
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void aBadOptionValueIsOneLineNotTheUsage() {
        Object[] result = runCapturingStderr("--port", "abc");
        assertThat(result[0]).isEqualTo(2);
        assertThat((String) result[1]).isEqualTo("qchat-server: Invalid value for option '--port': 'abc' is not an int (see --help)");
    }

    @Test
    void aClusterNodeOnTheEmbeddedStoreIsRefusedInOneLine() {
        Object[] result = runCapturingStderr("--cluster-redis", "redis://127.0.0.1:1", "--data-dir", dir.toString(),
                "--metrics-port", "-1", "--port", "0");
        assertThat(result[0]).isEqualTo(1);
        assertThat((String) result[1]).startsWith("qchat-server: a cluster node keeps everything in PostgreSQL")
                .doesNotContain("\n");
    }

    @Test
    void clusterOptionsMakeANodeConfig() throws IOException {
        ServerConfig config = parse(Map.of("QCHAT_CLUSTER_REDIS_PASSWORD", "secret"), null,
                "--db-url", "jdbc:postgresql://db/qchat", "--cluster-redis", "redis://r:6379", "--node-id", "n7",
                "--node-timeout", "5");
        assertThat(config.cluster()).isEqualTo(new ClusterConfig("redis://r:6379", "secret", "n7", Duration.ofSeconds(5)));
        assertThat(config.cluster().heartbeat()).isEqualTo(Duration.ofSeconds(1));
    }
}
