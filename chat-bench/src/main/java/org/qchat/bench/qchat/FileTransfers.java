package org.qchat.bench.qchat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.qchat.bench.load.EventLoop;

/**
 * One uploader and one downloader moving files back to back, each on its own connection, for a
 * while: the uploader a new variant of the content each time (the server holds none of them yet),
 * the downloader one stored file again and again. A transfer under way when the time is up is
 * finished, so both keep moving bytes for the whole time. Runs on the loop of the two clients.
 */
final class FileTransfers {

    /**
     * What one run moved: files, bytes, and the time from the start of the first transfer to the
     * end of the last, for each direction.
     */
    record Totals(int uploads, long uploadBytes, long uploadNanos, int downloads, long downloadBytes, long downloadNanos) {

        /** Decimal megabytes (10^6 bytes) per second. */
        double uploadMBps() {
            return uploadBytes / (uploadNanos / 1e9) / 1e6;
        }

        double downloadMBps() {
            return downloadBytes / (downloadNanos / 1e9) / 1e6;
        }
    }

    /** One transfer; it tells {@code done} null when it completed, else what went wrong. */
    private interface Transfer {
        void start(Consumer<String> done);
    }

    private final EventLoop loop;
    private final FileClient uploader;
    private final FileClient downloader;
    private final FileContent content;
    private final long convId;
    private final long seq;
    /** Variant 0 is the file being downloaded; every upload takes the next. Loop thread. */
    private long nextVariant = 1;

    /**
     * @param convId, seq the message that carries the file the downloader fetches, variant 0 of
     *                    {@code content}
     */
    FileTransfers(EventLoop loop, FileClient uploader, FileClient downloader, FileContent content, long convId, long seq) {
        this.loop = loop;
        this.uploader = uploader;
        this.downloader = downloader;
        this.content = content;
        this.convId = convId;
        this.seq = seq;
    }

    /** Starts both for {@code duration}; the result arrives once both have finished. Any thread. */
    CompletableFuture<Totals> run(Duration duration) {
        CompletableFuture<Totals> totals = new CompletableFuture<>();
        loop.execute(() -> {
            long stop = System.nanoTime() + duration.toNanos();
            Side up = new Side(stop, done -> {
                long variant = nextVariant++;
                uploader.upload(content, variant, "w8-" + variant + ".bin", done);
            });
            Side down = new Side(stop, done -> downloader.download(convId, seq, done));
            CompletableFuture.allOf(up.start(), down.start()).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    totals.completeExceptionally(failure.getCause() != null ? failure.getCause() : failure);
                } else {
                    totals.complete(new Totals(up.count, up.count * (long) content.size(), up.last - up.first,
                            down.count, down.count * (long) content.size(), down.last - down.first));
                }
            });
        });
        return totals;
    }

    /** One direction's transfers, one after another until the stop time; at least one. */
    private final class Side {
        final long stop;
        final Transfer transfer;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        int count;
        long first;
        long last;

        Side(long stop, Transfer transfer) {
            this.stop = stop;
            this.transfer = transfer;
        }

        CompletableFuture<Void> start() {
            first = System.nanoTime();
            next();
            return finished;
        }

        private void next() {
            if (count > 0 && System.nanoTime() - stop >= 0) {
                finished.complete(null);
                return;
            }
            transfer.start(error -> {
                if (error != null) {
                    finished.completeExceptionally(new IllegalStateException(error));
                    return;
                }
                count++;
                last = System.nanoTime();
                next();
            });
        }
    }
}
