package org.qchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.qchat.bench.jmh.JmhTable;
import org.qchat.bench.report.JfrSummary;
import org.qchat.bench.report.Machine;
import org.qchat.bench.report.Report;
import org.qchat.bench.report.RunRecord;
import org.qchat.bench.workload.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark jar: {@code suite} runs the workloads and saves the results; {@code report} writes the Markdown. */
@Command(name = "qchat-bench", mixinStandardHelpOptions = true,
        description = "Load generator and side-by-side benchmark of qchat and Mosquitto.",
        subcommands = {BenchMain.SuiteCommand.class, BenchMain.ReportCommand.class})
public final class BenchMain {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    /**
     * The qchat server's JVM flags for the traffic workloads: the serial collector with a large
     * young generation. What survives a young collection is small (connections, state in memory;
     * messages go to the log and the sockets), so its pauses are short and rare, and it does no work
     * between them. ZGC's concurrent cycles, on the one core the server has, held every thread
     * back for tens of milliseconds at a time and cost more CPU per message (measured side by side
     * on W1: p99 57 ms at 15,000/s and a knee of 25,000/s under ZGC, against 30,000/s here).
     */
    static final String DEFAULT_SERVER_JVM_FLAGS = "-XX:+UseSerialGC -Xms1g -Xmx1g -Xmn600m";
    /** For W0: README's one-core memory flags ("Memory"), which give memory back after a full GC. */
    static final String DEFAULT_IDLE_SERVER_JVM_FLAGS =
            "-XX:+UseSerialGC -Xms64m -Xmx1g -Xmn24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps";

    @Command(name = "suite", mixinStandardHelpOptions = true, description = "Runs the workloads and saves results.json.")
    static final class SuiteCommand implements Callable<Integer> {

        @Option(names = "--profile", defaultValue = "full", description = "full or smoke (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--run-dir", defaultValue = "target/bench-run", description = "Working directory for databases and logs.")
        Path runDir;

        @Option(names = "--server-jar", defaultValue = "chat-server/target/qchat-server.jar", description = "The qchat server jar.")
        Path serverJar;

        @Option(names = "--server-jvm-flags", defaultValue = DEFAULT_SERVER_JVM_FLAGS,
                description = "JVM flags of the qchat server (default: ${DEFAULT-VALUE}).")
        String serverJvmFlags;

        @Option(names = "--idle-server-jvm-flags", defaultValue = DEFAULT_IDLE_SERVER_JVM_FLAGS,
                description = "JVM flags of the qchat server in W0, where its memory is measured (default: ${DEFAULT-VALUE}).")
        String idleServerJvmFlags;

        @Option(names = "--server-cpus", description = "CPUs for the servers (taskset -c), e.g. 0; default: not pinned.")
        String serverCpus;

        @Option(names = "--generator-cpus", description = "CPUs this generator was pinned to, for the report.")
        String generatorCpus;

        @Option(names = "--postgres-url", description = "JDBC URL for W4, W6 and W7, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres; they are skipped without it.")
        String postgresUrl;

        @Option(names = "--no-mosquitto", description = "Run qchat alone (the same as --systems qchat).")
        boolean noMosquitto;

        @Option(names = "--systems", split = ",", converter = SystemConverter.class,
                description = "Systems to drive: qchat,mosquitto-qos1,mosquitto-qos0 (default: all). "
                        + "W4, W6, W7, W8, history and backlog need qchat; W0 and W5 run Mosquitto at QoS 1 only.")
        List<Suite.SystemId> systems = Suite.SystemId.ALL;

        @Option(names = "--only", split = ",", description = "Workloads to run: W0,W1,W1-power,W2,W3,W4,W5,W6,W7,W8,history,backlog,scale,state (default: all).")
        List<String> only = List.of();

        @Option(names = "--rates-1to1", split = ",",
                description = "Offered sends/s of the W1, W4 and W6 ladders instead of the profile's, e.g. 50000,100000 "
                        + "(the warm-up runs at the third, or the last if fewer).")
        double[] rates1to1;

        @Option(names = "--results", defaultValue = "target/bench-run/results.json", description = "Where to save the results.")
        Path results;

        @Option(names = "--server-jfr", description = "Record the qchat server with JFR (profile settings) into this file.")
        Path serverJfr;

        @Override
        public Integer call() throws Exception {
            Profile p = profile.equals("smoke") ? Profile.smoke() : Profile.full();
            if (rates1to1 != null) {
                p = p.withRates1to1(rates1to1);
            }
            List<String> flags = new java.util.ArrayList<>(
                    serverJvmFlags.isBlank() ? List.of() : List.of(serverJvmFlags.trim().split("\\s+")));
            if (serverJfr != null) {
                flags.add("-XX:StartFlightRecording=filename=" + serverJfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
            }
            Files.createDirectories(runDir);
            OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            long t0 = System.nanoTime();
            List<String> idleFlags = List.of(idleServerJvmFlags.trim().split("\\s+"));
            List<Suite.SystemId> driven = noMosquitto
                    ? systems.stream().filter(s -> s == Suite.SystemId.QCHAT).toList() : systems;
            Suite.Options options = new Suite.Options(p, runDir, serverJar, flags, idleFlags, serverCpus, postgresUrl,
                    driven, only);
            var measured = new Suite(options, System.out).run();
            RunRecord run = new RunRecord(p.name(), started.toString(), (System.nanoTime() - t0) / 6e10,
                    Machine.describe(postgresUrl), serverCpus, generatorCpus, flags, idleFlags,
                    System.getProperty("qchat.bench.command", "qchat-bench suite --profile " + p.name()), measured);
            Files.createDirectories(results.toAbsolutePath().getParent());
            JSON.writeValue(results.toFile(), run);
            System.out.println();
            System.out.println(new Report(run, null).summary());
            System.out.println("results saved to " + results);
            return 0;
        }
    }

    static final class SystemConverter implements CommandLine.ITypeConverter<Suite.SystemId> {
        @Override
        public Suite.SystemId convert(String value) {
            try {
                return Suite.SystemId.of(value.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the Markdown report of a saved run.")
    static final class ReportCommand implements Callable<Integer> {

        @Option(names = "--results", defaultValue = "target/bench-run/results.json", description = "Saved results.")
        Path results;

        @Option(names = "--jmh-table", description = "A Markdown table of JMH results to include.")
        Path jmhTable;

        @Option(names = "--store-table", description = "A Markdown table of the StoreBenchmark results to include.")
        Path storeTable;

        @Option(names = "--file-pieces", description = "The JMH JSON result of FilePieceBenchmark (a file piece as a data frame or as base64 JSON).")
        Path filePieces;

        @Option(names = "--out", defaultValue = "docs/benchmarks.md", description = "Where to write the report.")
        Path out;

        @Option(names = "--jfr", description = "A JFR recording of the qchat server under W1, summarised in the report.")
        Path jfr;

        @Override
        public Integer call() throws IOException {
            RunRecord run = JSON.readValue(results.toFile(), RunRecord.class);
            String jmh = jmhTable != null && Files.exists(jmhTable) ? Files.readString(jmhTable) : null;
            String profile = jfr != null && Files.exists(jfr) ? JfrSummary.markdown(jfr) : null;
            String store = storeTable != null && Files.exists(storeTable) ? Files.readString(storeTable) : null;
            JmhTable.Results pieces = null;
            if (filePieces != null && Files.exists(filePieces)) {
                try (InputStream in = Files.newInputStream(filePieces)) {
                    pieces = JmhTable.read(in);
                }
            }
            Files.writeString(out, new Report(run, jmh, profile, store, pieces).render());
            System.out.println("wrote " + out);
            return 0;
        }
    }
}
