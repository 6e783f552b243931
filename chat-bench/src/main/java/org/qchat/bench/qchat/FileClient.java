package org.qchat.bench.qchat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qchat.bench.load.Connection;
import org.qchat.bench.load.EventLoop;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.DownloadFailedPush;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.protocol.packet.Welcome;

/**
 * A qchat user moving files on its own connection (docs/protocol.md 8.9), one transfer at a time,
 * as fast as the protocol lets it. An upload sends data frames of 128 KiB, keeping at most
 * {@link #WINDOW} beyond the last {@code file.progress}, and ends at {@code file.upload.done}; a
 * download asks with {@code file.download} and ends at its last data frame.
 *
 * <p>Upload frames are written straight into the connection's write queue from the file's content.
 * Download frames are checked in place (their transfer, and that each starts where the last ended)
 * and their data skipped, not copied: the generator keeps nothing of what it downloads, so that what
 * it measures is the server's sending. JSON packets go through the protocol's codec. Loop thread only.
 */
public final class FileClient implements Connection.Handler {

    /** What a client keeps in flight beyond the last {@code file.progress} (docs/protocol.md 8.9). */
    public static final long WINDOW = 1024 * 1024;
    /** The server takes 20 upload starts on a connection, then one a second (docs/protocol.md 8.9). */
    static final long START_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What a file client reports, on the loop thread. */
    public interface Listener {
        void onReady(FileClient client);

        /** The server answered with an error outside a transfer, or the connection broke (not when closed here). */
        void onError(FileClient client, String what);
    }

    private final QchatClientFactory factory;
    private final EventLoop loop;
    private final int user;
    private final Listener listener;
    private final Connection connection;
    private final Map<String, Consumer<Packet>> calls = new HashMap<>();
    private long callIds;
    private boolean ready;
    private Upload upload;
    private Download download;
    private long startsRefused;

    private FileClient(QchatClientFactory factory, EventLoop loop, int user, Listener listener) {
        this.factory = factory;
        this.loop = loop;
        this.user = user;
        this.listener = listener;
        this.connection = loop.connect(factory.address(user), this);
    }

    /** Connects user {@code user} and logs it in with its session token. Loop thread. */
    public static FileClient start(QchatClientFactory factory, EventLoop loop, int user, Listener listener) {
        return new FileClient(factory, loop, user, listener);
    }

    public int user() {
        return user;
    }

    public boolean isReady() {
        return ready;
    }

    /** Upload starts the server refused for their rate ({@code RATE_LIMITED}), each tried again a second later. */
    public long startsRefused() {
        return startsRefused;
    }

    /**
     * Uploads variant {@code variant} of {@code content} as {@code name}; {@code done} hears null when
     * the server stored it ({@code file.upload.done}), or what went wrong. A start the server refuses
     * for its rate is tried again a second later, within the upload's time.
     */
    public void upload(FileContent content, long variant, String name, Consumer<String> done) {
        if (upload != null) {
            throw new IllegalStateException("an upload is already running");
        }
        String sha256 = content.sha256(variant);
        call(id -> new UploadFile(id, sha256, content.size(), name), reply -> {
            if (reply instanceof ErrorReply error && error.code() == ErrorCode.RATE_LIMITED) {
                startsRefused++;
                loop.schedule(System.nanoTime() + START_RETRY_NANOS, () -> upload(content, variant, name, done));
                return;
            }
            if (!(reply instanceof UploadStarted started) || started.challenge() != null) {
                done.accept("file.upload answered " + reply + ", not a plain file.upload.ok");
                return;
            }
            upload = new Upload(content, variant, sha256, started.uploadId(), started.offset(), done);
            upload.fill();
        });
    }

    /**
     * Sends a {@code file} message naming {@code fileId} to {@code convId}; {@code done} gets its seq
     * in the conversation, or -1 if the server refused it.
     */
    public void sendFile(long convId, String fileId, Consumer<Long> done) {
        call(id -> new SendMessage(id, convId, "file-" + id, null, MessageKind.FILE, fileId, null),
                reply -> done.accept(reply instanceof MessageSent sent ? sent.seq() : -1L));
    }

    /**
     * Downloads the file of message {@code (convId, seq)} from its start; {@code done} hears null
     * once its last byte arrived, or what went wrong.
     */
    public void download(long convId, long seq, Consumer<String> done) {
        if (download != null) {
            throw new IllegalStateException("a download is already running");
        }
        call(id -> new DownloadFile(id, convId, seq, 0), reply -> {
            if (!(reply instanceof DownloadStarted started)) {
                done.accept("file.download answered " + reply);
                return;
            }
            download = new Download(started.downloadId(), started.offset(), started.file().size(), done);
            download.endIfComplete();
        });
    }

    public void close() {
        connection.close();
    }

    private void call(Function<String, Request> request, Consumer<Packet> onReply) {
        String id = "f" + (++callIds);
        calls.put(id, onReply);
        connection.send(factory.codec().encode(request.apply(id)));
    }

    @Override
    public void onConnected(Connection c) {
        // The server speaks first (welcome).
    }

    @Override
    public void onData(Connection c, ByteBuffer in) {
        while (c.isOpen()) {
            int length;
            try {
                length = factory.codec().completeFrameLength(in);
            } catch (FrameException e) {
                listener.onError(this, "bad frame: " + e.getMessage());
                c.close();
                return;
            }
            if (length < 0) {
                return;
            }
            int body = in.position() + FrameCodec.HEADER_LENGTH;
            if (in.get(body) == FileChunk.MARKER) {
                dataFrame(in, body, length);
                in.position(body + length);
                continue;
            }
            Packet packet;
            try {
                packet = factory.codec().decode(in);
            } catch (FrameException e) {
                listener.onError(this, "bad frame: " + e.getMessage());
                c.close();
                return;
            } catch (PacketException e) {
                listener.onError(this, "undecodable packet: " + e.getMessage());
                continue;
            }
            handle(packet);
        }
    }

    /** A download's data frame, read in place: {@code body} is the index of its first byte in {@code in}. */
    private void dataFrame(ByteBuffer in, int body, int length) {
        long transfer = in.getLong(body + 2);
        long offset = in.getLong(body + 10);
        int data = length - FileChunk.HEADER_LENGTH;
        if (download == null || in.get(body + 1) != FileChunk.Direction.DOWNLOAD.code() || transfer != download.id) {
            listener.onError(this, "a data frame of no download of this client (transfer " + transfer + ")");
            return;
        }
        download.received(offset, data);
    }

    private void handle(Packet packet) {
        if (packet instanceof UploadProgressPush progress && upload != null && progress.uploadId() == upload.id) {
            upload.acked(progress.offset());
        } else if (packet instanceof UploadDonePush done && upload != null && done.uploadId() == upload.id) {
            upload.end(done.file().fileId().equals(upload.sha256) ? null : "stored as " + done.file().fileId());
        } else if (packet instanceof UploadFailedPush failed && upload != null && failed.uploadId() == upload.id) {
            upload.end("upload failed: " + failed.code() + ": " + failed.message());
        } else if (packet instanceof DownloadFailedPush failed && download != null && failed.downloadId() == download.id) {
            download.end("download failed: " + failed.code() + ": " + failed.message());
        } else if (packet instanceof Welcome) {
            connection.send(factory.codec().encode(new Resume("r", ProtocolVersion.CURRENT, factory.fixture().tokens()[user],
                    QchatFixture.DEVICE)));
        } else if (packet instanceof SessionStarted) {
            ready = true;
            listener.onReady(this);
        } else if (packet instanceof Response response && calls.containsKey(response.id())) {
            calls.remove(response.id()).accept(response);
        } else if (packet instanceof ErrorReply error) {
            listener.onError(this, error.code() + ": " + error.message());
        }
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        ready = false;
        String why = "disconnected" + (cause == null ? "" : ": " + cause);
        if (upload != null) {
            upload.end(why);
        }
        if (download != null) {
            download.end(why);
        }
        if (cause != null) {
            listener.onError(this, why);
        }
    }

    /**
     * The data the next frame of an upload may carry, having sent {@code sent} bytes of {@code size}
     * and heard {@code acked} written: up to 128 KiB, no further than the end of the file nor than
     * {@link #WINDOW} beyond {@code acked}; 0 when it must wait (or is done).
     */
    static int frameLength(long size, long sent, long acked) {
        return (int) Math.max(0, Math.min(FileChunk.MAX_DATA, Math.min(size - sent, WINDOW - (sent - acked))));
    }

    /** The upload in progress: what was sent and what the server reported written. */
    private final class Upload {
        final FileContent content;
        final long variant;
        final String sha256;
        final long id;
        final Consumer<String> done;
        long sent;
        long acked;

        Upload(FileContent content, long variant, String sha256, long id, long offset, Consumer<String> done) {
            this.content = content;
            this.variant = variant;
            this.sha256 = sha256;
            this.id = id;
            this.done = done;
            this.sent = offset;
            this.acked = offset;
        }

        /** Sends frames until the window is full or the file is all sent. */
        void fill() {
            for (int length; (length = frameLength(content.size(), sent, acked)) > 0; ) {
                ByteBuffer out = connection.writeBuffer(FileChunk.FRAME_DATA_OFFSET + length);
                if (out == null) {
                    return;
                }
                out.putInt(FileChunk.HEADER_LENGTH + length)
                        .put(FileChunk.MARKER)
                        .put(FileChunk.Direction.UPLOAD.code())
                        .putLong(id)
                        .putLong(sent);
                content.put(variant, (int) sent, length, out);
                sent += length;
            }
        }

        void acked(long offset) {
            acked = Math.max(acked, offset);
            fill();
        }

        void end(String error) {
            upload = null;
            done.accept(error);
        }
    }

    /** The download in progress: the next offset expected. */
    private final class Download {
        final long id;
        final long size;
        final Consumer<String> done;
        long next;

        Download(long id, long offset, long size, Consumer<String> done) {
            this.id = id;
            this.next = offset;
            this.size = size;
            this.done = done;
        }

        void received(long offset, int length) {
            if (offset != next || offset + length > size) {
                end("data frame for bytes " + offset + ".." + (offset + length) + "; expected offset " + next + " of " + size);
                return;
            }
            next += length;
            endIfComplete();
        }

        void endIfComplete() {
            if (next == size) {
                end(null);
            }
        }

        void end(String error) {
            download = null;
            done.accept(error);
        }
    }
}
