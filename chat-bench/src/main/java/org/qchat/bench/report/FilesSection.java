package org.qchat.bench.report;

import static org.qchat.bench.report.Report.fmt;

import java.util.Locale;
import java.util.function.Consumer;

import org.qchat.bench.jmh.JmhTable;
import org.qchat.bench.workload.StepResult;
import org.qchat.bench.workload.WorkloadResult;

/**
 * The report's two sections on files: W8 (uploads and downloads while W1 chats, against a plain
 * socket copy of the same bytes) and the JMH comparison of one file piece as a data frame or as
 * base64 JSON. Each says what ran, where and how, so that it stands on its own.
 */
final class FilesSection {

    static final String DATA_FRAME = "FilePieceBenchmark.dataFrame";
    static final String BASE64_JSON = "FilePieceBenchmark.base64Json";

    private final Consumer<String> line;
    private final RunRecord run;

    FilesSection(Consumer<String> line, RunRecord run) {
        this.line = line;
        this.run = run;
    }

    /** W8: the transfers against the copies, then the chat alone and during the transfers. */
    void workload(WorkloadResult r) {
        line.accept("## " + r.workload());
        line.accept("");
        line.accept(Report.resource("files.md"));
        if (r.steps().size() != 2) {
            line.accept("Not measured" + (r.note() == null ? "." : ": " + r.note()));
            line.accept("");
            return;
        }
        StepResult alone = r.steps().get(0);
        StepResult during = r.steps().get(1);
        double seconds = r.figure("seconds");
        line.accept(String.format(Locale.ROOT, "**Load:** %s users chatting in pairs at %s msg/s, and in the second step one "
                        + "uploader and one downloader moving files of %s MiB, for %s s a step. %s **Command:** `%s`; W8 alone: "
                        + "`%sjava -XX:+UseZGC -Xmx4g -jar chat-bench/target/qchat-bench.jar suite --profile %s --only W8 "
                        + "--no-mosquitto%s%s`.",
                fmt(r.figure("chat users"), 0), fmt(alone.offered(), 0), fmt(r.figure("file MiB"), 0),
                fmt(seconds, seconds == Math.rint(seconds) ? 0 : 1), machine(), run.command(), pinned(run.generatorCpus()),
                run.profile(),
                run.serverCpus() == null ? "" : " --server-cpus " + run.serverCpus(),
                run.generatorCpus() == null ? "" : " --generator-cpus " + run.generatorCpus()));
        line.accept("");
        line.accept("| Bytes moved | MB/s | × socket copy | Files |");
        line.accept("|---|---:|---:|---:|");
        line.accept("| Upload, while the download runs | " + fmt(r.figure("upload MB/s"), 0) + " | "
                + fmt(r.figure("upload / copy in"), 2) + "× (copy in) | " + fmt(r.figure("uploads"), 0) + " |");
        line.accept("| Download, while the upload runs | " + fmt(r.figure("download MB/s"), 0) + " | "
                + fmt(r.figure("download / copy out"), 2) + "× (copy out) | " + fmt(r.figure("downloads"), 0) + " |");
        line.accept("| Socket copy in, while the copy out runs | " + fmt(r.figure("copy in MB/s"), 0) + " | | |");
        line.accept("| Socket copy out, while the copy in runs | " + fmt(r.figure("copy out MB/s"), 0) + " | | |");
        line.accept("");
        line.accept("SHA-256 of a file, computed by the uploader before it uploads (not in the upload's time): "
                + fmt(r.figure("sha256 MB/s"), 0) + " MB/s.");
        line.accept("");
        if (r.figure("upload starts refused") > 0) {
            line.accept("The server refused " + fmt(r.figure("upload starts refused"), 0) + " upload starts for their rate "
                    + "(20 on a connection, then one a second); each was tried again a second later, within the upload's time.");
            line.accept("");
        }
        line.accept("| W1 at " + fmt(alone.offered(), 0) + " msg/s | Delivered | p50 ms | p99 ms | p99.9 ms | max ms "
                + "| Server CPU (its core) | Chat loop CPU | Send lag p99 ms |");
        line.accept("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        chat("alone", alone);
        chat("during the transfers", during);
        line.accept("");
        late("alone", alone);
        late("during the transfers", during);
        if (r.note() != null) {
            line.accept("Note: " + r.note());
            line.accept("");
        }
    }

    private void chat(String when, StepResult s) {
        double serverCpu = s.cpuMicrosPerDelivery() * s.deliveredPerSec() / 1e6;
        line.accept("| " + when + " | " + fmt(100 * s.deliveryRatio(), 2) + "% | " + fmt(s.p50(), 2) + " | "
                + fmt(s.p99(), 2) + " | " + fmt(s.p999(), 2) + " | " + fmt(s.max(), 2) + " | " + fmt(100 * serverCpu, 0)
                + "% | " + fmt(100 * s.generatorCpu(), 0) + "% | " + fmt(s.lagP99(), 2) + " |");
    }

    /** Why the generator may have held a chat step back, when it may have. */
    private void late(String when, StepResult s) {
        if (!s.valid()) {
            line.accept("Chat " + when + ": " + s.invalid() + ". A send's latency counts from its scheduled time, "
                    + "so that lateness is in the step's latencies.");
            line.accept("");
        }
    }

    /** The JMH comparison, with the ratio it is run for. */
    void pieces(JmhTable.Results results) {
        line.accept("<a id=\"file-pieces\"></a>");
        line.accept("## File pieces: data frame or base64 JSON");
        line.accept("");
        line.accept(Report.resource("file-pieces.md"));
        line.accept(String.format(Locale.ROOT, "**Load:** one thread decoding one 128 KiB piece per operation. %s "
                        + "**Command:** `%sjava -cp chat-bench/target/qchat-bench.jar org.openjdk.jmh.Main %s FilePieceBenchmark` "
                        + "(from `%s`).", machine(), pinned(run.serverCpus()), results.options(), run.command()));
        line.accept("");
        line.accept(results.table());
        double frame = results.score(DATA_FRAME);
        double json = results.score(BASE64_JSON);
        if (!Double.isNaN(frame) && !Double.isNaN(json) && frame > 0) {
            line.accept(String.format(Locale.ROOT, "As base64 inside JSON, a 128 KiB piece costs the server %.1f× the "
                    + "CPU it costs as a data frame (%s vs %s µs).", json / frame, fmt(json, 1), fmt(frame, 1)));
            line.accept("");
        }
    }

    private String machine() {
        Machine m = run.machine();
        return "**Machine:** " + m.cpu() + ", " + m.cpus() + " CPUs, " + m.java() + "; server on CPU "
                + (run.serverCpus() == null ? "any (not pinned)" : run.serverCpus()) + ", generator on CPU "
                + (run.generatorCpus() == null ? "any (not pinned)" : run.generatorCpus()) + ".";
    }

    private static String pinned(String cpus) {
        return cpus == null ? "" : "taskset -c " + cpus + " ";
    }
}
