package org.qchat.client.core.files;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qchat.client.core.ChatException;
import org.qchat.client.core.Requester;
import org.qchat.client.core.Scheduler;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.protocol.packet.DownloadFailedPush;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.Ok;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files of messages on their way here (protocol 8.9): {@code file.download} from the length of
 * the part already on disk, then data frames in order to the end, each handed to the worker to
 * write; at the end the part is checked against the fileId and put in place ({@link DownloadFiles}).
 *
 * <ul>
 *   <li>Link lost: the download waits and, after the resume, asks again from what it received.</li>
 *   <li>{@code RATE_LIMITED} (four downloads open): tried again after a pause, as long as it takes.</li>
 *   <li>{@code file.download.failed}, {@code UNAVAILABLE}, {@code INTERNAL}, no answer: tried again
 *       a few times from what it has, then failed.</li>
 *   <li>{@code NOT_FOUND}, {@code FORBIDDEN}, bytes that do not hash to the fileId, a disk that
 *       will not take them: failed with a reason; a retry resumes from the part's length (from
 *       nothing after bad bytes, whose part is deleted).</li>
 * </ul>
 * Everything runs on the dispatcher thread.
 */
final class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    private final Requester requester;
    private final Scheduler scheduler;
    private final Session session;
    private final FileWork work;
    private final DownloadFiles files;
    private final Progress progress;
    private final Pauses pauses;
    private final Map<String, Download> byMessage = new LinkedHashMap<>();
    private final Map<Long, Download> byDownloadId = new HashMap<>();

    Downloads(Requester requester, Scheduler scheduler, Session session, FileWork work, FileStorage storage,
              Progress progress) {
        this.requester = requester;
        this.scheduler = scheduler;
        this.session = session;
        this.work = work;
        this.files = new DownloadFiles(storage);
        this.progress = progress;
        this.pauses = new Pauses(scheduler);
    }

    static String key(long convId, long seq) {
        return "down:" + convId + ":" + seq;
    }

    private static String key(Download download) {
        return key(download.convId, download.seq);
    }

    // ---- what FileTransfers asks -------------------------------------------------------------

    /** Starts the download of a stored message's file, or retries a failed one; done or busy ones stay as they are. */
    void start(ChatMessage message) {
        Download download = byMessage.get(key(message.convId(), message.seq()));
        if (download != null) {
            retry(download);
            return;
        }
        download = new Download(message.convId(), message.seq(), message.file(), message.kind());
        byMessage.put(key(download), download);
        report(download);
        tryStart(download);
    }

    boolean retry(ChatMessage message) {
        Download download = byMessage.get(key(message.convId(), message.seq()));
        return download != null && retry(download);
    }

    private boolean retry(Download download) {
        if (download.step != Download.Step.FAILED) {
            return false;
        }
        download.retries = 0;
        download.failure = null;
        download.part = null; // look at the disk again: resume from the part's length
        download.step = Download.Step.WAITING;
        report(download);
        tryStart(download);
        return true;
    }

    /**
     * Stops a download and deletes its part: the message is back to not downloaded. Not once the
     * file is being put in place.
     */
    boolean cancel(ChatMessage message) {
        String key = key(message.convId(), message.seq());
        Download download = byMessage.get(key);
        if (download == null || download.step == Download.Step.FINISHING || download.step == Download.Step.DONE) {
            return false;
        }
        cancelOnServer(download);
        interrupt(download);
        byMessage.remove(key);
        // Queued behind a preparation still running, so the part it may have just created goes too.
        DownloadFiles.PartFile part = download.part;
        work.run(() -> {
            files.discard(part, download.file, download.kind);
            return null;
        });
        progress.set(key, TransferState.NOT_STARTED);
        startWaiting();
        return true;
    }

    // ---- the session -------------------------------------------------------------------------

    void linkLost() {
        for (Download download : byMessage.values()) {
            if (download.step == Download.Step.STARTING || download.step == Download.Step.RECEIVING) {
                interrupt(download);
                download.step = Download.Step.WAITING;
                report(download);
            }
        }
        byDownloadId.clear();
    }

    void startWaiting() {
        for (Download download : List.copyOf(byMessage.values())) {
            if (download.step == Download.Step.WAITING) {
                tryStart(download);
            }
        }
    }

    void clear() {
        for (Download download : byMessage.values()) {
            interrupt(download);
            close(download);
        }
        byMessage.clear();
        byDownloadId.clear();
    }

    // ---- from the server ---------------------------------------------------------------------

    void received(FileChunk chunk) {
        Download download = chunk.direction() == FileChunk.Direction.DOWNLOAD
                ? byDownloadId.get(chunk.transferId()) : null;
        if (download == null || download.step != Download.Step.RECEIVING) {
            return; // a download cancelled or cut off: its last frames may still come
        }
        long offset = download.received;
        int length = chunk.length();
        if (chunk.offset() != offset || offset + length > download.file.size()) {
            log.warn("download {} sent bytes at {} (+{}); expected {} of {}", chunk.transferId(), chunk.offset(),
                    length, offset, download.file.size());
            cancelOnServer(download);
            pause(download, Reasons.DOWNLOAD_FAILED);
            return;
        }
        download.received = offset + length;
        download.retries = 0;
        DownloadFiles.PartFile part = download.part;
        ByteBuffer data = chunk.data();
        work.run(() -> {
            part.write(offset, data);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null && byMessage.get(key(download)) == download && download.part == part) {
                log.warn("cannot write {}: {}", part.path(), failure.toString());
                cancelOnServer(download);
                fail(download, Reasons.NOT_SAVED);
            }
        });
        report(download);
        if (download.received == download.file.size()) {
            finish(download);
        }
    }

    void failed(DownloadFailedPush push) {
        Download download = byDownloadId.get(push.downloadId());
        if (download != null) {
            log.info("download {} failed on the server: {} {}", push.downloadId(), push.code(), push.message());
            pause(download, Reasons.DOWNLOAD_FAILED);
        }
    }

    // ---- the steps ---------------------------------------------------------------------------

    private void tryStart(Download download) {
        if (download.step != Download.Step.WAITING || twinBusy(download)) {
            return;
        }
        if (download.part == null) {
            prepare(download);
            return;
        }
        if (session.state() != ConnectionState.ONLINE) {
            return;
        }
        download.step = Download.Step.STARTING;
        int attempt = download.newAttempt();
        long offset = download.received;
        requester.call(id -> new DownloadFile(id, download.convId, download.seq, offset), DownloadStarted.class)
                .whenComplete((started, failure) -> {
                    if (stale(download, attempt)) {
                        if (started != null) {
                            cancelOnServer(started.downloadId()); // called off while the server opened it
                        }
                        return;
                    }
                    if (failure != null) {
                        trouble(download, failure);
                        return;
                    }
                    download.downloadId = started.downloadId();
                    byDownloadId.put(download.downloadId, download);
                    download.step = Download.Step.RECEIVING;
                    download.rate.reset();
                    report(download);
                    if (download.received >= download.file.size()) {
                        finish(download); // the part was whole already: nothing follows
                    }
                });
    }

    /** Finds a cached copy (nothing to fetch) or the part to resume, on the worker. */
    private void prepare(Download download) {
        download.step = Download.Step.PREPARING;
        int attempt = download.newAttempt();
        work.run(() -> files.prepare(download.file, download.kind)).whenComplete((prepared, failure) -> {
            if (stale(download, attempt)) {
                return;
            }
            if (failure != null) {
                log.warn("cannot prepare the download of {}: {}", download.file.name(), failure.toString());
                fail(download, Reasons.NOT_SAVED);
            } else if (prepared.done() != null) {
                done(download, prepared);
            } else {
                download.part = new DownloadFiles.PartFile(prepared.part());
                download.received = prepared.length();
                download.step = Download.Step.WAITING;
                report(download);
                tryStart(download);
            }
        });
    }

    private void done(Download download, DownloadFiles.Prepared cached) {
        download.done = cached.done();
        download.received = download.file.size();
        download.step = Download.Step.DONE;
        report(download);
        startWaiting();
    }

    private void finish(Download download) {
        interrupt(download);
        download.step = Download.Step.FINISHING;
        int attempt = download.attempt;
        DownloadFiles.PartFile part = download.part;
        report(download);
        work.run(() -> files.finish(part, download.file, download.kind)).whenComplete((placed, failure) -> {
            if (stale(download, attempt)) {
                return;
            }
            if (failure instanceof DownloadFiles.CorruptException) {
                log.warn("download of {} in conversation {} seq {}: {}", download.file.name(), download.convId,
                        download.seq, failure.getMessage());
                download.received = 0;
                fail(download, Reasons.CORRUPT);
            } else if (failure != null) {
                log.warn("cannot put {} in place: {}", part.path(), failure.toString());
                fail(download, Reasons.NOT_SAVED);
            } else {
                done(download, new DownloadFiles.Prepared(placed, null, 0));
            }
        });
    }

    private void trouble(Download download, Throwable failure) {
        ChatException e = ChatException.of(failure);
        if (e == null) {
            log.warn("download failed", failure);
            fail(download, Reasons.DOWNLOAD_FAILED);
        } else if (Reasons.offline(e)) {
            interrupt(download);
            download.step = Download.Step.WAITING;
        } else if (Reasons.busy(e)) {
            pause(download, null);
        } else if (Reasons.passing(e)) {
            pause(download, Reasons.ofPassing(e));
        } else if (e.is(ErrorCode.NOT_FOUND)) {
            fail(download, Reasons.GONE);
        } else if (e.is(ErrorCode.FORBIDDEN)) {
            fail(download, Reasons.FORBIDDEN);
        } else {
            fail(download, Reasons.DOWNLOAD_FAILED);
        }
    }

    /** As {@code Uploads.pause}: again after a pause, as often as it takes ({@code reasonKey} null) or a few times. */
    private void pause(Download download, String reasonKey) {
        interrupt(download);
        boolean pausing = pauses.schedule(download, reasonKey != null, () -> {
            if (download.step == Download.Step.PAUSED) {
                download.step = Download.Step.WAITING;
                tryStart(download);
            }
        });
        if (!pausing) {
            fail(download, reasonKey);
            return;
        }
        download.step = Download.Step.PAUSED;
        report(download);
    }

    private void fail(Download download, String reasonKey) {
        interrupt(download);
        close(download);
        download.step = Download.Step.FAILED;
        download.failure = reasonKey;
        report(download);
        startWaiting();
    }

    private void interrupt(Download download) {
        download.newAttempt();
        if (download.downloadId != 0) {
            byDownloadId.remove(download.downloadId);
            download.downloadId = 0;
        }
    }

    /** Closes the part file once the writes queued before are done (the worker keeps their order). */
    private void close(Download download) {
        DownloadFiles.PartFile part = download.part;
        if (part != null) {
            work.run(() -> {
                part.close();
                return null;
            });
        }
    }

    private void cancelOnServer(Download download) {
        cancelOnServer(download.downloadId);
    }

    /** Stops the server's frames of a download (the reply does not matter; frames on their way are ignored). */
    private void cancelOnServer(long downloadId) {
        if (downloadId != 0 && session.state() == ConnectionState.ONLINE) {
            requester.call(id -> new CancelTransfer(id, downloadId), Ok.class);
        }
    }

    private boolean stale(Download download, int attempt) {
        return download.attempt != attempt || byMessage.get(key(download)) != download;
    }

    /** Another download of the same file is under way: this one waits, then finds the image cached. */
    private boolean twinBusy(Download download) {
        for (Download other : byMessage.values()) {
            if (other != download && other.busy() && other.file.fileId().equals(download.file.fileId())) {
                return true;
            }
        }
        return false;
    }

    private void report(Download download) {
        TransferState state = switch (download.step) {
            case DONE -> TransferState.done(download.done, download.file.size());
            case FAILED -> TransferState.failed(download.failure, download.received, download.file.size());
            default -> TransferState.transferring(download.received, download.file.size(),
                    download.step == Download.Step.RECEIVING
                            ? download.rate.sample(scheduler.now(), download.received) : 0);
        };
        progress.set(key(download), state);
    }
}
