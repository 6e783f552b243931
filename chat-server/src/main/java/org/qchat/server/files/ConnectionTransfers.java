package org.qchat.server.files;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.qchat.server.limit.TokenBucket;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;

/**
 * The open uploads and downloads of one connection, and what bounds them: at most
 * {@link #MAX_OPEN} of each, upload starts by a token bucket, and the bytes of data frames received
 * but not yet written. Closed with the connection: the uploads' partial files stay for a resume.
 */
final class ConnectionTransfers implements AutoCloseable {

    /** Open uploads, and open downloads, per connection. */
    static final int MAX_OPEN = 4;
    /** Upload starts: a burst of 20, then one a second. */
    static final int START_BURST = 20;
    static final double STARTS_PER_SECOND = 1;

    private final Map<Long, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<Long, Download> downloads = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong unwritten = new AtomicLong();
    private final TokenBucket starts = new TokenBucket(START_BURST, STARTS_PER_SECOND, System::nanoTime);
    private final DownloadPump pump;
    private final ConnectionSession session;
    private volatile boolean closed;

    ConnectionTransfers(ClientConnection connection, Executor reads, LongAdder bytesSent) {
        this.session = connection.session();
        this.pump = new DownloadPump(connection, reads, downloads::remove, bytesSent);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Whether another upload may start now (open count and start rate). */
    boolean mayStartUpload() {
        return uploads.size() < MAX_OPEN && starts.tryTake();
    }

    boolean mayStartDownload() {
        return downloads.size() < MAX_OPEN;
    }

    void add(Upload upload) {
        uploads.put(upload.id, upload);
        session.receivingBulk(true);
    }

    Upload upload(long id) {
        return uploads.get(id);
    }

    Upload removeUpload(long id) {
        Upload removed = uploads.remove(id);
        session.receivingBulk(!uploads.isEmpty());
        return removed;
    }

    void start(Download download) {
        downloads.put(download.id, download);
        pump.add(download);
    }

    Download removeDownload(long id) {
        return downloads.remove(id);
    }

    /** Data bytes received and not written yet, after adding {@code bytes} (negative when written). */
    long unwritten(long bytes) {
        return unwritten.addAndGet(bytes);
    }

    boolean isClosed() {
        return closed;
    }

    /** Called on the connection's serial executor, after everything it had queued. */
    @Override
    public void close() {
        closed = true;
        uploads.values().forEach(Upload::close);
        uploads.clear();
        session.receivingBulk(false);
        downloads.values().forEach(Download::close);
        downloads.clear();
    }
}
