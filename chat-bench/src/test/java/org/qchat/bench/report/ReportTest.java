package org.qchat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.qchat.bench.jmh.JmhTable;
import org.qchat.bench.qchat.StorageScale;
import org.qchat.bench.workload.StepResult;
import org.qchat.bench.workload.WorkloadResult;

class ReportTest {

    private static StepResult step(double offered, double deliveredPerSec, double p99) {
        return new StepResult(offered, 100, 100, 100, 0, 0, deliveredPerSec, 1, p99, p99 + 1, p99 + 2, 2, 12.5,
                256L << 20, 0.4, 0.2, null);
    }

    private static WorkloadResult ladder(String workload, String system, double knee) {
        StepResult half = step(knee / 2, knee / 2, 2);
        StepResult kept = step(knee, knee, 4);
        StepResult broke = step(knee * 2, knee * 1.5, 50);
        return WorkloadResult.ofSteps(workload, system, List.of(half, kept, broke), kept, null);
    }

    private static WorkloadResult figures(String workload, Map<String, Double> values) {
        return WorkloadResult.ofFigures(workload, Report.QCHAT, new LinkedHashMap<>(values), null);
    }

    private static RunRecord run() {
        Map<String, Double> idle = new LinkedHashMap<>();
        idle.put("connections", 19_000.0);
        idle.put("bytes/connection", 7_000.0);
        return new RunRecord("full", "2026-11-26T01:00:00Z", 20, new Machine("Test CPU", 2, 24_000, "6.1", "Java 17",
                "mosquitto 2.0.11", "PostgreSQL 15"), "0", "1", List.of("-XX:+UseZGC"), List.of("-XX:+UseSerialGC"), "scripts/bench.sh",
                List.of(ladder("W1 1:1", Report.QCHAT, 20_000), ladder("W1 1:1", Report.QOS1, 40_000),
                        ladder("W1 1:1", Report.QOS0, 80_000),
                        ladder("W2 groups of 100", Report.QCHAT, 150_000), ladder("W2 groups of 100", Report.QOS1, 100_000),
                        figures("W0 idle connections", idle),
                        figures("History page", Map.of("messages stored", 1_000_000.0, "p99 ms", 6.5)),
                        figures("Offline backlog", Map.of("messages", 10_000.0, "seconds", 0.8)),
                        figures(StorageScale.STORED, Map.of("messages", 10_000_000.0, "start seconds", 1.25,
                                "heap MiB above no messages", 70.0))));
    }

    @Test
    void targetsAreJudgedFromTheMeasurements() {
        String md = new Report(run(), null).render();

        assertThat(md).contains("| W1 1:1 knee on the embedded store (p99 < 10 ms) | ≥ 20,000 /s | 20,000 /s | yes |");
        assertThat(md).contains("| W1 knee vs Mosquitto QoS 1 | ≥ 0.45× | 0.50× (20,000 vs 40,000 /s) | yes |");
        assertThat(md).contains("| W1 server CPU per delivered message at 10,000 /s | ≤ 40 µs | 12.5 µs | yes |");
        assertThat(md).contains("| W2 groups of 100, deliveries/s vs Mosquitto QoS 1 | ≥ 1.00× | 1.50× (150,000 vs 100,000 /s) | yes |");
        assertThat(md).contains("| W0 logged-in idle connections in one process | 19,000 at ≤ 6.5 KiB (6,656 B) each | 19,000 at 7,000 B each | **no** |");
        assertThat(md).contains("p99 ≤ 2 ms | 6.50 ms | **no** |");
        assertThat(md).contains("| ≤ 0.5 s | 0.80 s | **no** |");
        assertThat(md).contains("| Restart with 10,000,000 stored messages | ≤ 3 s | 1.25 s | yes |");
        assertThat(md).contains("above the same server with none | ≤ 64 MiB | 70.0 MiB | **no** |");
        assertThat(md).contains("QoS 0 0.25× (20,000 vs 80,000 /s)");
        // Workloads not in the run are not judged.
        assertThat(md).doesNotContain("W4 1:1 knee", "W2 groups of 10, deliveries", "W3 broadcast to");
    }

    @Test
    void everyStepIsListedAndTheKneeRowShowsItsLatencies() {
        String md = new Report(run(), "| Benchmark | Score |\n|---|---|\n| codec | 1 |").render();

        assertThat(md).contains("## W1 1:1", "## W2 groups of 100", "## W0 idle connections", "## History page",
                "## Offline backlog", "## JMH micro-benchmarks", "| codec | 1 |");
        assertThat(md).contains("| qchat (embedded) | 20,000 | 20,000 | 1.00 | 4.00 | 5.00 | 6.00 | 2.00 | 12.5 | 256 |  |");
        assertThat(md).contains("| qchat (embedded) | 40,000 | 100 | 100 | 30,000 | 1.00 | 50.00 | 51.00 | 52.00 | 12.5 | 40% | 0.20 | no |");
    }

    @Test
    void theClusterKneeIsJudgedAgainstW4sOfTheSameRunAndLossesAgainstZero() {
        Map<String, Double> failover = new LinkedHashMap<>();
        failover.put("acked", 60_000.0);
        failover.put("all served again s", 1.5);
        failover.put("messages lost", 0.0);
        RunRecord run = new RunRecord("full", "2026-11-26T01:00:00Z", 20, new Machine("Test CPU", 2, 24_000, "6.1",
                "Java 17", "mosquitto 2.0.11", "PostgreSQL 15"), "0", "1", List.of(), List.of(), "scripts/bench.sh",
                List.of(ladder(Report.W4, Report.POSTGRES, 8_000), ladder(Report.W6, Report.CLUSTER, 5_000),
                        WorkloadResult.ofFigures(Report.W7, Report.CLUSTER, failover, null)));

        String md = new Report(run, null).render();

        assertThat(md).contains("| W6 knee ≥ 0.7× W4's (1:1 pairs split over two nodes; the same run) | ≥ 0.70× "
                + "| 0.63× (5,000 vs 8,000 /s) | **no** |");
        assertThat(md).contains("| W7 messages acknowledged but lost when a node is killed | 0 | 0 of 60,000 acknowledged | yes |");
        assertThat(md).contains("Ratio to W4's knee (one node on PostgreSQL) in the same run: 0.63× (5,000 vs 8,000 /s).");
        assertThat(md).contains("| W6 1:1 across 2 nodes | 5,000 (2 nodes, PostgreSQL) |");
        assertThat(md).contains("## W7 a node killed", "**Served again**", "| qchat (2 nodes, PostgreSQL) | 60,000 | 1.50 | 0 |  |");
    }

    private static WorkloadResult files(double uploadRatio, double p99During) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("chat users", 2_000.0);
        figures.put("file MiB", 100.0);
        figures.put("seconds", 20.0);
        figures.put("sha256 MB/s", 1_100.0);
        figures.put("copy in MB/s", 400.0);
        figures.put("copy out MB/s", 600.0);
        figures.put("upload MB/s", 400.0 * uploadRatio);
        figures.put("uploads", 30.0);
        figures.put("download MB/s", 480.0);
        figures.put("downloads", 90.0);
        figures.put("upload / copy in", uploadRatio);
        figures.put("download / copy out", 0.8);
        StepResult alone = new StepResult(1_000, 20_000, 20_000, 20_000, 0, 0, 1_000, 0.5, 3.25, 8, 20, 3.3, 200,
                800L << 20, 0.15, 0.9, null);
        StepResult during = new StepResult(1_000, 20_000, 20_000, 20_000, 0, 0, 1_000, 1.5, p99During, 40, 60, 9,
                900, 800L << 20, 0.13, 3.5, "generator issued sends late (p99 3.5 ms)");
        return new WorkloadResult(Report.W8, Report.QCHAT, List.of(alone, during), null, figures, null);
    }

    private static RunRecord runOf(WorkloadResult... results) {
        return new RunRecord("full", "2026-11-26T01:00:00Z", 20, new Machine("Test CPU", 2, 24_000, "6.1", "Java 17",
                "mosquitto 2.0.11", "PostgreSQL 15"), "0", "1", List.of(), List.of(), "PROFILE=full scripts/bench.sh",
                List.of(results));
    }

    @Test
    void filesAreJudgedOnBothRatiosAndTheChatsP99DuringTheTransfers() {
        String met = new Report(runOf(files(0.625, 4.5)), null).render();
        String slow = new Report(runOf(files(0.4, 4.5)), null).render();
        String late = new Report(runOf(files(0.625, 12)), null).render();

        String target = "| Files: upload and download vs a plain socket copy of the same bytes (same run); W1 at 1,000 msg/s "
                + "during the transfers | ≥ 0.5× socket copy; p99 < 10 ms | ";
        assertThat(met).contains(target + "upload 0.63×, download 0.80×; p99 4.50 ms, 100.00% delivered | yes |");
        assertThat(slow).contains(target + "upload 0.40×, download 0.80×; p99 4.50 ms, 100.00% delivered | **no** |");
        assertThat(late).contains(target + "upload 0.63×, download 0.80×; p99 12.00 ms, 100.00% delivered | **no** |");
    }

    @Test
    void theFilesSectionComparesEachDirectionWithItsCopyAndTheChatWithAndWithoutTransfers() {
        String md = new Report(runOf(files(0.625, 4.5)), null).render();

        assertThat(md).contains("## W8 files", "**Load:** 2,000 users chatting in pairs at 1,000 msg/s",
                "files of 100 MiB, for 20 s a step", "server on CPU 0, generator on CPU 1",
                "**Command:** `PROFILE=full scripts/bench.sh`",
                "`taskset -c 1 java -XX:+UseZGC -Xmx4g -jar chat-bench/target/qchat-bench.jar suite --profile full --only W8 "
                        + "--no-mosquitto --server-cpus 0 --generator-cpus 1`");
        assertThat(md).contains("| Upload, while the download runs | 250 | 0.63× (copy in) | 30 |",
                "| Download, while the upload runs | 480 | 0.80× (copy out) | 90 |",
                "| Socket copy in, while the copy out runs | 400 | | |", "SHA-256 of a file, computed by the uploader "
                        + "before it uploads (not in the upload's time): 1,100 MB/s.");
        assertThat(md).contains("| alone | 100.00% | 0.50 | 3.25 | 8.00 | 20.00 | 20% | 15% | 0.90 |",
                "| during the transfers | 100.00% | 1.50 | 4.50 | 40.00 | 60.00 | 90% | 13% | 3.50 |",
                "Chat during the transfers: generator issued sends late (p99 3.5 ms). A send's latency counts from its "
                        + "scheduled time, so that lateness is in the step's latencies.");
        assertThat(md).doesNotContain("Chat alone:");
        // W8 has steps but no knee: it is not one of the side-by-side ladders.
        assertThat(md.substring(md.indexOf("## Side by side"), md.indexOf("## Machine"))).doesNotContain("W8");
    }

    @Test
    void aFailedFilesRunSaysSoInItsSection() {
        String md = new Report(runOf(WorkloadResult.ofFigures(Report.W8, Report.QCHAT, Map.of(), "failed: timeout")), null)
                .render();

        assertThat(md).contains("## W8 files", "Not measured: failed: timeout").doesNotContain("| Files: upload");
    }

    @Test
    void theFilePieceSectionGivesTheRatioOfBase64JsonToADataFrame() {
        JmhTable.Results pieces = new JmhTable.Results("| Benchmark | Mode | Score | Unit |\n|---|---|--:|---|\n",
                Map.of("FilePieceBenchmark.dataFrame", 10.0, "FilePieceBenchmark.base64Json", 412.5),
                "-f 1 -wi 3 -w 1s -i 5 -r 1s");

        String md = new Report(runOf(), null, null, null, pieces).render();

        assertThat(md).contains("<a id=\"file-pieces\"></a>\n## File pieces: data frame or base64 JSON",
                "`taskset -c 0 java -cp chat-bench/target/qchat-bench.jar org.openjdk.jmh.Main -f 1 -wi 3 -w 1s -i 5 -r 1s "
                        + "FilePieceBenchmark`",
                "costs the server 41.3× the CPU it costs as a data frame (412.5 vs 10.0 µs)");
    }

    @Test
    void aSavedRunReadsBackTheSame() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RunRecord original = run();

        RunRecord back = json.readValue(json.writeValueAsString(original), RunRecord.class);

        assertThat(back).isEqualTo(original);
        assertThat(new Report(back, null).render()).isEqualTo(new Report(original, null).render());
    }
}
