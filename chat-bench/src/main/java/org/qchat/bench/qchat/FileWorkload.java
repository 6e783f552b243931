package org.qchat.bench.qchat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.Population;
import org.qchat.bench.sut.QchatTarget;
import org.qchat.bench.sut.SocketCopy;
import org.qchat.bench.workload.Fleet;
import org.qchat.bench.workload.Measurement;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.StepResult;
import org.qchat.bench.workload.WorkloadResult;

/**
 * W8: files moving while people chat. On a server started as for W1, W1's pairs chat at
 * {@link Profile#filesChatRate()} for {@link Profile#filesWindow()}, first alone, then while one
 * uploader and one downloader, each on its own connection, move files of {@link Profile#fileSize()}
 * back to back ({@link FileTransfers}). The baseline, in the same run and with the same pinning, is
 * the same bytes copied over plain loopback sockets ({@link SocketCopy}), into a file forced to disk
 * (against the upload) and at the same time out of one (against the download), back to back for as
 * long, before the server starts.
 *
 * <p>Throughput is in decimal megabytes (10^6 bytes) per second. The chat steps are W1's (open
 * loop, latency from the scheduled send time); their generator CPU is the chat loop's thread alone,
 * since the transfers share the generator's core on purpose.
 */
public final class FileWorkload {

    /** The server's default limit on a file's size. */
    static final long DEFAULT_MAX_FILE_SIZE = 100L << 20;
    private static final long SEED = 8;

    private final Profile profile;
    private final Path runDir;
    private final String serverCpus;
    private final PrintStream log;

    public FileWorkload(Profile profile, Path runDir, String serverCpus, PrintStream log) {
        this.profile = profile;
        this.runDir = runDir;
        this.serverCpus = serverCpus;
        this.log = log;
    }

    /**
     * Server options for W8: the uploader stores a new file with each upload, more than the default
     * quota of 2 GiB in a run; and a file larger than the default limit is allowed.
     */
    public static List<String> serverOptions(Profile profile) {
        List<String> options = new ArrayList<>(List.of("user-quota=1024GiB"));
        if (profile.fileSize() > DEFAULT_MAX_FILE_SIZE) {
            options.add("max-file-size=" + profile.fileSize());
        }
        return options;
    }

    public WorkloadResult run(String workload, QchatOnlyWorkloads.QchatLauncher launcher)
            throws IOException, TimeoutException {
        int chatters = profile.pairUsers();
        double rate = profile.filesChatRate();
        Duration window = profile.filesWindow();
        log.printf("%n== %s on %s: %d users chatting at %.0f msg/s; one uploader and one downloader, files of %d MiB%n",
                workload, launcher.system(), chatters, rate, profile.fileSize() >> 20);
        FileContent content = FileContent.random(SEED, profile.fileSize());
        double sha256 = content.size() / (content.hashNanos() / 1e9) / 1e6;
        SocketCopy.Rates copy = copies(content);
        log.printf("   SHA-256 %.0f MB/s; socket copy at once in %.0f MB/s and out %.0f MB/s%n", sha256, copy.inMBps(),
                copy.outMBps());

        Population population = new Population(chatters + 2, true, 0);
        try (QchatTarget target = launcher.launch(population, "w8-files", false);
             EventLoop chat = new EventLoop("bench-w8");
             EventLoop files = new EventLoop("bench-w8-files")) {
            Fleet fleet = new Fleet(chat, target.clients(), population.users());
            fleet.connect(u -> u < chatters, Fleet.DEFAULT_IN_FLIGHT, Duration.ofMinutes(3));
            Movers movers = new Movers();
            FileClient uploader = files.call(() -> FileClient.start(target.qchatClients(), files, chatters, movers));
            FileClient downloader = files.call(() -> FileClient.start(target.qchatClients(), files, chatters + 1, movers));
            await(movers.ready, Duration.ofMinutes(1), "the file clients' logins");
            long convId = target.fixture().pairConv(chatters);
            long seq = await(files.call(() -> store(uploader, content, convId)), Duration.ofMinutes(5), "the first upload");
            FileTransfers transfers = new FileTransfers(files, uploader, downloader, content, convId, seq);

            Measurement measurement = new Measurement(chat, fleet, target, profile.grace(), chat::cpuNanos);
            int[] senders = IntStream.range(0, chatters).toArray();
            // The JIT compiles the chat and the file paths on the server's one core, as in the other workloads.
            CompletableFuture<FileTransfers.Totals> warming = transfers.run(window);
            StepResult warm = measurement.step(rate, profile.jvmWarmup(), senders, BenchClient::sendDirect, 1);
            await(warming, window.plus(Duration.ofMinutes(5)), "the warm-up transfers");
            log.printf("   warm-up: %s%n", warm.summary());
            StepResult alone = measurement.step(rate, window, senders, BenchClient::sendDirect, 1);
            log.printf("   chat alone: %s%n", alone.summary());
            long refusedBefore = files.call(uploader::startsRefused);
            CompletableFuture<FileTransfers.Totals> moving = transfers.run(window);
            StepResult during = measurement.step(rate, window, senders, BenchClient::sendDirect, 1);
            FileTransfers.Totals moved = await(moving, window.plus(Duration.ofMinutes(5)), "the transfers");
            long refused = files.call(uploader::startsRefused) - refusedBefore;
            log.printf("   chat during the transfers: %s%n", during.summary());

            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("chat users", (double) chatters);
            figures.put("file MiB", content.size() / (double) (1 << 20));
            figures.put("seconds", window.toMillis() / 1000.0);
            figures.put("sha256 MB/s", sha256);
            figures.put("copy in MB/s", copy.inMBps());
            figures.put("copy out MB/s", copy.outMBps());
            figures.put("upload MB/s", moved.uploadMBps());
            figures.put("uploads", (double) moved.uploads());
            figures.put("download MB/s", moved.downloadMBps());
            figures.put("downloads", (double) moved.downloads());
            figures.put("upload starts refused", (double) refused);
            figures.put("upload / copy in", moved.uploadMBps() / copy.inMBps());
            figures.put("download / copy out", moved.downloadMBps() / copy.outMBps());
            log.printf("   %s%n", figures);
            fleet.closeAll();
            files.call(() -> {
                uploader.close();
                downloader.close();
                return null;
            });
            String note = files.call(() -> movers.firstError);
            return new WorkloadResult(workload, launcher.system(), List.of(alone, during), null, figures,
                    note == null ? null : "file client: " + note);
        }
    }

    /** The baseline: the same bytes over plain sockets, in and out at once, for as long as the transfers run. */
    private SocketCopy.Rates copies(FileContent content) throws IOException {
        try (SocketCopy copy = SocketCopy.start(serverCpus, runDir.resolve("w8-socket-copy"),
                runDir.resolve("w8-socket-copy.log"))) {
            return copy.both(content.block(), profile.filesWindow());
        }
    }

    /** Uploads variant 0 and sends it to the pair's conversation: the file the downloader fetches. Loop thread. */
    private static CompletableFuture<Long> store(FileClient uploader, FileContent content, long convId) {
        CompletableFuture<Long> seq = new CompletableFuture<>();
        uploader.upload(content, 0, "w8-0.bin", error -> {
            if (error != null) {
                seq.completeExceptionally(new IllegalStateException(error));
                return;
            }
            uploader.sendFile(convId, content.sha256(0), s -> {
                if (s < 0) {
                    seq.completeExceptionally(new IllegalStateException("the file message was refused"));
                } else {
                    seq.complete(s);
                }
            });
        });
        return seq;
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (TimeoutException e) {
            throw new TimeoutException(what + " did not end within " + timeout);
        }
    }

    /** The uploader and the downloader: both logged in, and the first error either reported. Loop thread. */
    private static final class Movers implements FileClient.Listener {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private int readyCount;
        String firstError;

        @Override
        public void onReady(FileClient client) {
            if (++readyCount == 2) {
                ready.complete(null);
            }
        }

        @Override
        public void onError(FileClient client, String what) {
            if (firstError == null) {
                firstError = "user " + client.user() + ": " + what;
            }
            ready.completeExceptionally(new IllegalStateException(what));
        }
    }
}
