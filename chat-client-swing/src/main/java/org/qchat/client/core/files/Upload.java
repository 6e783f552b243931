package org.qchat.client.core.files;

import java.net.URLConnection;
import java.nio.file.Path;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;

/** One image or file of mine on its way to the server: what {@link Uploads} knows of it. Dispatcher thread only. */
final class Upload extends Transfer {

    enum Step {
        /** Reading the file for its SHA-256 (and, for pasted bytes, writing them to the cache first). */
        HASHING,
        /** Ready, waiting for the link (or for an upload of the same bytes to finish). */
        WAITING,
        /** Waiting before trying again (rate limit, server trouble). */
        PAUSED,
        /** {@code file.upload} sent. */
        STARTING,
        /** Answering the server's challenge: it holds the file already. */
        PROVING,
        /** Sending data frames. */
        SENDING,
        /** The server holds the file; the message is the outbox's now. */
        STORED,
        FAILED
    }

    final long convId;
    final String clientMsgId;
    final String name;
    final MessageKind kind;
    final String mime;

    /** The file to send; for pasted bytes, null until they are written to the cache. */
    Path file;
    /** Pasted bytes not yet written to the cache. */
    byte[] pendingBytes;
    String sha256;
    long size;
    Step step = Step.HASHING;
    String failure;

    /** The server's id of this upload on the current link; 0 when there is none. */
    long uploadId;
    /** Bytes the server has written ({@code file.progress}), and bytes sent. */
    long acked;
    long sent;
    boolean reading;

    Upload(long convId, String clientMsgId, String name, MessageKind kind) {
        this.convId = convId;
        this.clientMsgId = clientMsgId;
        this.name = name;
        this.kind = kind;
        // A guess from the name, to show until the server says what the bytes are.
        String guessed = URLConnection.guessContentTypeFromName(name);
        this.mime = guessed == null ? "application/octet-stream" : guessed;
    }

    /** On the wire (and in transit) from STARTING to SENDING: the link's loss interrupts it. */
    boolean onLink() {
        return step == Step.STARTING || step == Step.PROVING || step == Step.SENDING;
    }

    /** What the message shows while it uploads: no fileId until hashed, no pixels or thumbnail. */
    FileInfo localInfo() {
        return new FileInfo(sha256, name, size, mime, null, null, null);
    }
}
