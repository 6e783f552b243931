package org.qchat.server.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.packet.DownloadFailedPush;
import org.qchat.server.route.ClientConnection;

/**
 * Sends one connection's downloads, one data frame at a time: the next frame is read and queued only
 * once the previous one has been written to the socket. So a chat packet for the connection waits
 * behind at most one frame, a client that stops reading holds at most one frame of server memory,
 * and the downloads of a connection take turns frame by frame.
 */
final class DownloadPump {

    private final ClientConnection connection;
    private final LongAdder sent;
    private final Executor reads;
    private final LongConsumer onEnd;
    private final Deque<Download> turns = new ArrayDeque<>();
    /** A frame is being read or is queued on the connection. Guarded by this. */
    private boolean busy;

    /**
     * @param reads runs the file reads (they may block)
     * @param onEnd told the id of each download that ended (sent in full or failed)
     * @param sent   counts the data bytes sent
     */
    DownloadPump(ClientConnection connection, Executor reads, LongConsumer onEnd, LongAdder sent) {
        this.connection = connection;
        this.sent = sent;
        this.reads = reads;
        this.onEnd = onEnd;
    }

    void add(Download download) {
        boolean start;
        synchronized (this) {
            turns.add(download);
            start = !busy;
            busy = true;
        }
        if (start) {
            reads.execute(this::sendNext);
        }
    }

    private void sendNext() {
        Download d;
        synchronized (this) {
            do {
                d = turns.poll();
            } while (d != null && d.isClosed());
            if (d == null || connection.isClosed()) {
                busy = false;
                return;
            }
        }
        byte[] frame;
        try {
            frame = readFrame(d);
        } catch (IOException e) {
            d.close();
            onEnd.accept(d.id);
            connection.send(new DownloadFailedPush(d.id, ErrorCode.UNAVAILABLE, "cannot read the file"));
            reads.execute(this::sendNext);
            return;
        }
        if (d.remaining() > 0) {
            synchronized (this) {
                turns.add(d);
            }
        } else {
            d.close();
            onEnd.accept(d.id);
        }
        sent.add(frame.length - FileChunk.FRAME_DATA_OFFSET);
        connection.sendFrame(frame, () -> reads.execute(this::sendNext));
    }

    /** The download's next frame, read straight into the frame's array. */
    private static byte[] readFrame(Download d) throws IOException {
        int length = (int) Math.min(FileChunk.MAX_DATA, d.remaining());
        byte[] frame = FileChunk.emptyFrame(FileChunk.Direction.DOWNLOAD, d.id, d.offset(), length);
        ByteBuffer data = ByteBuffer.wrap(frame, FileChunk.FRAME_DATA_OFFSET, length);
        long position = d.offset();
        while (data.hasRemaining()) {
            int n = d.reader().read(position, data);
            if (n < 0) {
                throw new IOException("the file ended early");
            }
            position += n;
        }
        d.advance(length);
        return frame;
    }
}
