package org.qchat.client.core.files;

import java.io.EOFException;
import java.nio.file.Path;
import java.util.function.IntSupplier;

import org.qchat.client.core.Requester;
import org.qchat.protocol.FileChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an upload's data frames flowing (protocol 8.9, step 2): frame after frame from the
 * server's offset, without gap or overlap, never more than {@link #WINDOW} bytes beyond its last
 * {@code file.progress}. Each frame is read on the worker and sent when it comes back, one read at
 * a time, so a slow disk or a full window simply pauses the flow until the next progress.
 * Dispatcher thread only.
 */
final class UploadWindow {

    /** Most bytes sent beyond the server's last {@code file.progress}. */
    static final long WINDOW = 1024 * 1024;

    /** What happens to an upload whose bytes cannot go out. */
    interface Stopped {
        void stopped(Upload upload, String reasonKey);
    }

    private static final Logger log = LoggerFactory.getLogger(UploadWindow.class);

    private final Requester requester;
    private final IntSupplier maxFrame;
    private final FileWork work;
    private final Stopped stopped;

    UploadWindow(Requester requester, IntSupplier maxFrame, FileWork work, Stopped stopped) {
        this.requester = requester;
        this.maxFrame = maxFrame;
        this.work = work;
        this.stopped = stopped;
    }

    /** Sends frames while the window has room; call again whenever the server's progress moves. */
    void fill(Upload upload) {
        if (upload.step != Upload.Step.SENDING || upload.reading) {
            return;
        }
        long room = WINDOW - (upload.sent - upload.acked);
        int length = (int) Math.min(Math.min(chunkSize(), upload.size - upload.sent), room);
        if (length <= 0) {
            return;
        }
        upload.reading = true;
        int attempt = upload.attempt;
        Path file = upload.file;
        long uploadId = upload.uploadId;
        long offset = upload.sent;
        work.run(() -> UploadFiles.readFrame(file, uploadId, offset, length)).whenComplete((frame, failure) -> {
            if (upload.attempt != attempt) {
                return; // the link dropped, or the upload was cancelled or failed, while this was read
            }
            upload.reading = false;
            if (failure != null) {
                log.info("cannot read {} at {}: {}", file, offset, failure.toString());
                stopped.stopped(upload, failure instanceof EOFException ? Reasons.CHANGED : Reasons.UNREADABLE);
                return;
            }
            boolean sent;
            try {
                sent = requester.sendFrame(frame);
            } catch (IllegalArgumentException tooBig) {
                stopped.stopped(upload, Reasons.UPLOAD_FAILED);
                return;
            }
            if (sent) { // if not, the link is gone: the upload starts again after the resume
                upload.sent = offset + length;
                fill(upload);
            }
        });
    }

    /** Data bytes per frame: 128 KiB, unless the server's frame limit is lower. */
    private int chunkSize() {
        return Math.max(1, Math.min(FileChunk.MAX_DATA, maxFrame.getAsInt() - FileChunk.HEADER_LENGTH));
    }
}
