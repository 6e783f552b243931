package org.qchat.server.files;

import java.io.IOException;

import org.qchat.server.store.blob.BlobReader;

/** One open download of a connection: what is left of one file to send. Used by its {@link DownloadPump}. */
final class Download {

    final long id;
    private final BlobReader reader;
    private final long end;
    private long offset;
    private volatile boolean closed;

    Download(long id, BlobReader reader, long offset) {
        this.id = id;
        this.reader = reader;
        this.end = reader.size();
        this.offset = offset;
    }

    BlobReader reader() {
        return reader;
    }

    long offset() {
        return offset;
    }

    long remaining() {
        return end - offset;
    }

    void advance(int bytes) {
        offset += bytes;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        try {
            reader.close();
        } catch (IOException ignored) {
            // A reader only reads; there is nothing to lose.
        }
    }
}
