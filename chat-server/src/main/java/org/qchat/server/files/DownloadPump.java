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
 * Sends one connection's downloads, one data frame at a time: a frame is queued on the connection
 * only once the previous one has been written to the socket. So a chat packet for the connection
 * waits behind at most one frame, a client that stops reading holds at most two frames of server
 * memory (the queued one and the next, read ahead), and the downloads of a connection take turns
 * frame by frame.
 *
 * <p>The next frame is read from the file while the current one is being written, so the write's
 * completion queues it at once on the I/O thread that reports it: no file read and no hand-off to
 * another thread stands between two frames.
 */
final class DownloadPump {

    private final ClientConnection connection;
    private final Executor reads;
    private final LongConsumer onEnd;
    private final LongAdder sent;
    private final Deque<Download> turns = new ArrayDeque<>();
    /** Guarded by this: a frame is queued on the connection and not written yet. */
    private boolean inFlight;
    /** Guarded by this: a frame is being read. */
    private boolean reading;
    /** Guarded by this: the next frame, read while the one in flight is written. */
    private byte[] readAhead;

    /**
     * @param reads runs the file reads (they may block)
     * @param onEnd told the id of each download that ended (sent in full or failed)
     * @param sent  counts the data bytes sent
     */
    DownloadPump(ClientConnection connection, Executor reads, LongConsumer onEnd, LongAdder sent) {
        this.connection = connection;
        this.reads = reads;
        this.onEnd = onEnd;
        this.sent = sent;
    }

    void add(Download download) {
        synchronized (this) {
            turns.add(download);
        }
        readNextIfRoom();
    }

    /** Starts reading a frame unless one is being read, one is already read ahead, or there is nothing to send. */
    private void readNextIfRoom() {
        synchronized (this) {
            if (reading || readAhead != null || turns.isEmpty() || connection.isClosed()) {
                return;
            }
            reading = true;
        }
        reads.execute(this::read);
    }

    private void read() {
        byte[] frame = nextFrame();
        boolean sendNow = false;
        synchronized (this) {
            reading = false;
            if (frame != null) {
                if (inFlight) {
                    readAhead = frame;
                } else {
                    inFlight = true;
                    sendNow = true;
                }
            }
        }
        if (sendNow) {
            send(frame);
        }
        readNextIfRoom();
    }

    /** The frame the connection asked for last has been written (I/O thread): queue the one read ahead. */
    private void written() {
        byte[] next;
        synchronized (this) {
            next = readAhead;
            readAhead = null;
            inFlight = next != null;
        }
        if (next != null) {
            send(next);
        }
        readNextIfRoom();
    }

    private void send(byte[] frame) {
        sent.add(frame.length - FileChunk.FRAME_DATA_OFFSET);
        connection.sendFrame(frame, this::written);
    }

    /** The next frame of the download whose turn it is, or null if there is none (a failed read reports itself). */
    private byte[] nextFrame() {
        while (true) {
            Download d;
            synchronized (this) {
                do {
                    d = turns.poll();
                } while (d != null && d.isClosed());
            }
            if (d == null) {
                return null;
            }
            try {
                byte[] frame = readFrame(d);
                if (d.remaining() > 0) {
                    synchronized (this) {
                        turns.add(d);
                    }
                } else {
                    d.close();
                    onEnd.accept(d.id);
                }
                return frame;
            } catch (IOException e) {
                d.close();
                onEnd.accept(d.id);
                connection.send(new DownloadFailedPush(d.id, ErrorCode.UNAVAILABLE, "cannot read the file"));
            }
        }
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
