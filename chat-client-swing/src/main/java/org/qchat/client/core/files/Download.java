package org.qchat.client.core.files;

import java.nio.file.Path;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/** The file of one message on its way here: what {@link Downloads} knows of it. Dispatcher thread only. */
final class Download extends Transfer {

    enum Step {
        /** Waiting for the link, or for a download of the same file to finish (it may leave this one nothing to do). */
        WAITING,
        /** Looking on disk for a cached copy or a part to resume. */
        PREPARING,
        /** Waiting before trying again (rate limit, server trouble). */
        PAUSED,
        /** {@code file.download} sent. */
        STARTING,
        /** Data frames arriving. */
        RECEIVING,
        /** Checking the hash and putting the file in place. */
        FINISHING,
        DONE,
        FAILED
    }

    final long convId;
    final long seq;
    final FileInfo file;
    final MessageKind kind;

    Step step = Step.WAITING;
    /** The part file being written; null until prepared (and again after a failure, to look afresh). */
    DownloadFiles.PartFile part;
    /** Bytes received (handed to the worker to write); what a resume asks from. */
    long received;
    /** The server's id of this download on the current link; 0 when there is none. */
    long downloadId;
    Path done;
    String failure;

    Download(long convId, long seq, FileInfo file, MessageKind kind) {
        this.convId = convId;
        this.seq = seq;
        this.file = file;
        this.kind = kind;
    }

    /** Whether it holds (or is about to hold) a part file or the server's attention. */
    boolean busy() {
        return switch (step) {
            case PREPARING, STARTING, RECEIVING, FINISHING -> true;
            case WAITING, PAUSED -> part != null;
            case DONE, FAILED -> false;
        };
    }
}
