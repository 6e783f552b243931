package org.qchat.server.files;

import java.io.IOException;

import org.qchat.protocol.packet.UploadStarted;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.store.blob.PartialBlob;

/**
 * One open upload of a connection. Either it receives bytes into its partial file, or (the server
 * already has the file) it waits for the proof of its {@code challenge}. Its mutable fields are used on
 * the connection's serial executor only.
 */
final class Upload {

    final long id;
    final long userId;
    final String sha256;
    final long size;
    final String name;
    final ClientConnection connection;
    /** Null unless the server already holds the file. */
    final UploadStarted.Challenge challenge;
    private PartialBlob partial;
    private long next;
    private volatile boolean closed;

    Upload(long id, long userId, String sha256, long size, String name, ClientConnection connection,
           UploadStarted.Challenge challenge) {
        this.id = id;
        this.userId = userId;
        this.sha256 = sha256;
        this.size = size;
        this.name = name;
        this.connection = connection;
        this.challenge = challenge;
    }

    /** The name of its partial file: one per user and content, so that any device of the user resumes it. */
    static String partialKey(long userId, String sha256) {
        return userId + "-" + sha256;
    }

    String partialKey() {
        return partialKey(userId, sha256);
    }

    void receiveInto(PartialBlob partial) {
        this.partial = partial;
        this.next = partial.length();
    }

    PartialBlob partial() {
        return partial;
    }

    /** The offset the next data frame must start at. */
    long next() {
        return next;
    }

    void advance(int bytes) {
        next += bytes;
    }

    boolean complete() {
        return next == size;
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops taking data; the partial file stays for a resume. Idempotent. */
    void close() {
        closed = true;
        PartialBlob p = partial;
        partial = null;
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // Nothing more is written to it; a resume rereads what is on disk.
            }
        }
    }

    /** Hands the partial over for committing; the upload takes no more data. */
    PartialBlob finish() {
        closed = true;
        PartialBlob p = partial;
        partial = null;
        return p;
    }
}
