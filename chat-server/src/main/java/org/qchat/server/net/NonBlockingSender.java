package org.qchat.server.net;

import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import org.tio.core.ChannelContext;
import org.tio.core.ChannelContext.CloseCode;
import org.tio.core.Tio;
import org.tio.core.WriteCompletionHandler.WriteCompletionVo;
import org.tio.core.intf.Packet;
import org.tio.core.ssl.SslVo;
import org.tio.core.task.SendRunnable;
import org.tio.core.utils.TioUtils;
import org.tio.utils.SystemTimer;

/**
 * t-io's per-connection sender, changed in one respect: it starts a socket write and returns,
 * instead of parking its thread until the write completes.
 *
 * <p>Why: t-io's {@link SendRunnable#sendByteBuffer} waits on a condition until the whole batch is
 * written, on the shared t-io pool, which has one thread per core. A peer that stops reading never
 * lets that write complete, so a few such peers — one per core, each with only a few hundred KiB
 * queued, well under the outbound limit — park every send thread and the server stops writing to
 * everyone (no replies, no pushes) until they go away. Here the thread is free as soon as the write
 * is started; its completion, on an I/O thread, reports the frames (through t-io's own
 * {@code WriteCompletionHandler}, so listeners, stats and failure handling are unchanged) and
 * starts the next write. One write at a time per connection, frames in queue order, as before.
 *
 * <p>Installed by {@link #install} before the first byte is sent on a connection: from
 * {@code onAfterConnected} on plain TCP, from the first {@code onAfterReceivedBytes} with TLS (the
 * server's first handshake bytes answer the client's first ones). With TLS it also installs
 * {@link SerializedTls}, which orders encryption against the read side.
 */
final class NonBlockingSender extends SendRunnable {

    /** Bytes of frames gathered into one TLS batch; t-io gathers about as much for plain TCP. */
    private static final int MAX_BATCH_BYTES = 128 * 1024;

    private final ChannelContext channel;
    /** A write is on the socket; an AsynchronousSocketChannel allows only one at a time. */
    private final AtomicBoolean writing = new AtomicBoolean();
    /** With TLS: a frame taken off the queue that belongs to the next batch. Guarded by this. */
    private volatile Packet carried;

    private NonBlockingSender(ChannelContext channel) {
        super(channel, channel.tioConfig.tioExecutor);
        this.channel = channel;
    }

    /** Replaces the channel's t-io sender with this one, once. Called on a t-io thread. */
    static void install(ChannelContext channel) {
        SendRunnable original = channel.sendRunnable;
        if (original instanceof NonBlockingSender) {
            return;
        }
        NonBlockingSender sender = new NonBlockingSender(channel);
        sender.setCanceled(original.isCanceled());
        // Nothing has been sent yet when this runs; take over anything queued all the same.
        Queue<Packet> early = original.getForSendAfterSslHandshakeCompleted(false);
        if (early != null) {
            sender.getForSendAfterSslHandshakeCompleted(true).addAll(early);
        }
        for (Packet packet; (packet = original.getMsgQueue().poll()) != null; ) {
            sender.getMsgQueue().add(packet);
        }
        channel.sendRunnable = sender;
        SerializedTls.install(channel, sender);
        if (sender.isNeededExecute()) {
            sender.execute();
        }
    }

    /**
     * Queues a frame and starts writing on the calling thread if no write is under way (plain
     * TCP): the message writer's acks and pushes reach the socket with no hand-off to t-io's send
     * threads. With TLS it goes through t-io's executor as before, so encryption keeps its order
     * against the read side ({@link SerializedTls}). Returns false if the connection no longer takes
     * frames. Any thread; never blocks on the socket.
     */
    boolean offer(Packet packet) {
        if (channel.isClosed || channel.isRemoved || !addMsg(packet)) {
            return false;
        }
        if (channel.sslFacadeContext != null) {
            execute();
        } else if (!writing.get()) {
            // A write finishing now re-checks the queue after clearing its flag: the frame cannot be stranded.
            runTask();
        }
        return true;
    }

    @Override
    public boolean isNeededExecute() {
        return !writing.get() && (carried != null && !isCanceled() || super.isNeededExecute());
    }

    /**
     * Takes the next batch off the queue and starts writing it. With TLS the batch is built here:
     * t-io's batching puts records the TLS layer already encrypted (handshake messages, TLS 1.3
     * session tickets) and frames still to encrypt into one batch and then encrypts all of it again,
     * so the client sees a record it cannot authenticate ("Tag mismatch"; it cost about one TLS
     * connection in four its {@code welcome}). And it runs under the connection's TLS lock (see
     * {@link SerializedTls}), so that no record the read side produces can be numbered between this
     * batch's encryption and its place on the wire.
     */
    @Override
    public void runTask() {
        synchronized (this) {
            if (writing.get()) {
                return;
            }
            if (channel.sslFacadeContext == null) {
                super.runTask();
            } else {
                sendTlsBatch();
            }
        }
    }

    /**
     * Writes the frames at the head of the queue that are alike — all still to encrypt, or all
     * encrypted already — as one batch, encrypting the former. The first unlike frame is kept for the
     * next batch.
     */
    private void sendTlsBatch() {
        List<Packet> batch = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        int size = 0;
        for (Packet packet; size < MAX_BATCH_BYTES && (packet = nextPacket()) != null; ) {
            if (!batch.isEmpty() && packet.isSslEncrypted() != batch.get(0).isSslEncrypted()) {
                carried = packet;
                break;
            }
            ByteBuffer buffer = packet.getPreEncodedByteBuffer() != null ? packet.getPreEncodedByteBuffer()
                    : channel.tioConfig.getTioHandler().encode(packet, channel.tioConfig, channel);
            if (!buffer.hasRemaining()) {
                buffer.flip();
            }
            batch.add(packet);
            buffers.add(buffer);
            size += buffer.remaining();
        }
        if (batch.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(size);
        buffers.forEach(bytes::put);
        bytes.flip();
        if (!batch.get(0).isSslEncrypted()) {
            SslVo plain = new SslVo(bytes, batch);
            try {
                channel.sslFacadeContext.getSslFacade().encrypt(plain);
            } catch (SSLException e) {
                dropped(batch);
                Tio.close(channel, e, "TLS encryption failed", CloseCode.SSL_ENCRYPTION_ERROR);
                return;
            }
            bytes = plain.getByteBuffer();
        }
        sendByteBuffer(bytes, batch.size() == 1 ? batch.get(0) : batch);
    }

    private Packet nextPacket() {
        Packet packet = carried;
        if (packet != null) {
            carried = null;
            return packet;
        }
        return getMsgQueue().poll();
    }

    @Override
    public void clearMsgQueue() {
        synchronized (this) {
            Packet packet = carried;
            carried = null;
            if (packet != null) {
                channel.processAfterSent(packet, false);
            }
        }
        super.clearMsgQueue();
    }

    /** Starts writing {@code buffer}, which holds the frames {@code packets} (one Packet or a List). */
    @Override
    public void sendByteBuffer(ByteBuffer buffer, Object packets) {
        if (buffer == null) {
            return;
        }
        WriteCompletionVo frames = new WriteCompletionVo(buffer, packets);
        if (!TioUtils.checkBeforeIO(channel)) {
            // Closing: report the frames as not sent, as t-io does for the ones still queued.
            dropped(packets);
            return;
        }
        writing.set(true);
        canSend = false;
        new Completion(buffer).write(frames);
    }

    private void dropped(Object packets) {
        List<?> all = packets instanceof List<?> list ? list : List.of(packets);
        for (Object packet : all) {
            channel.processAfterSent((Packet) packet, false);
        }
    }

    /**
     * The write finished (or failed): let the next one start — here, on the I/O thread that saw
     * the completion, on plain TCP; through t-io's executor with TLS.
     */
    private void writeDone() {
        writing.set(false);
        if (channel.sslFacadeContext == null) {
            if (isNeededExecute()) {
                runTask();
            }
            return;
        }
        if (isNeededExecute()) {
            try {
                execute();
            } catch (RejectedExecutionException e) {
                // The server is stopping; CloseRunnable reports what is left in the queue.
            }
        }
    }

    /** Follows one batch until all of it is on the socket, then hands it to t-io's completion handler. */
    private final class Completion implements CompletionHandler<Integer, WriteCompletionVo> {

        private final ByteBuffer buffer;

        Completion(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        void write(WriteCompletionVo frames) {
            try {
                channel.asynchronousSocketChannel.write(buffer, frames, this);
            } catch (RuntimeException e) {
                // The channel or its group is shut down.
                failed(e, frames);
            }
        }

        @Override
        public void completed(Integer written, WriteCompletionVo frames) {
            if (buffer.hasRemaining()) {
                if (written > 0) {
                    channel.stat.latestTimeOfSentByte = SystemTimer.currTime;
                }
                write(frames);
                return;
            }
            try {
                channel.writeCompletionHandler.completed(written, frames);
            } finally {
                writeDone();
            }
        }

        @Override
        public void failed(Throwable failure, WriteCompletionVo frames) {
            try {
                channel.writeCompletionHandler.failed(failure, frames);
            } finally {
                writeDone();
            }
        }
    }
}
