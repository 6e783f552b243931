package org.qchat.bench.sut;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W8's baseline: the same bytes copied over plain loopback sockets, with no protocol, between the
 * generator and a peer process pinned where the server runs, in pieces of 128 KiB (a data frame's
 * data). <em>In</em>: the generator writes the bytes; the peer writes them into a file of its
 * directory (put on the server's file system) and forces it to disk, as the server does before
 * {@code file.upload.done}, then answers one byte. <em>Out</em>: the peer reads a file it holds
 * and writes it to the socket; the generator reads and discards it, as W8's downloader does.
 *
 * <p>The peer is this class's {@link #main}: a thread per connection; a connection that closes
 * before asking anything (the start-up probe) is ignored. Request: one byte {@link #IN},
 * {@link #STORE} (in, into the file that {@link #OUT} sends) or {@link #OUT}, then the length as a
 * big-endian long.
 */
public final class SocketCopy implements AutoCloseable {

    /** Copies each way, in MB/s (10^6 bytes per second), and how many were made. */
    public record Rates(double inMBps, int copiesIn, double outMBps, int copiesOut) {
    }

    static final int PIECE = 128 * 1024;
    static final byte IN = 'I';
    static final byte STORE = 'S';
    static final byte OUT = 'O';

    private final ServerProcess peer;
    private final InetSocketAddress address;

    private SocketCopy(ServerProcess peer, int port) {
        this.peer = peer;
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * Starts the peer under {@code taskset -c cpus} (unless null), keeping its files in {@code dir};
     * its output goes to {@code log}.
     */
    public static SocketCopy start(String cpus, Path dir, Path log) throws IOException {
        Files.createDirectories(dir);
        int port = ServerProcess.freePort();
        List<String> command = List.of(ServerProcess.jdkTool("java"), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SocketCopy.class.getName(),
                Integer.toString(port), dir.toAbsolutePath().toString());
        return new SocketCopy(ServerProcess.start(command, cpus, log, port, Duration.ofSeconds(30)), port);
    }

    /**
     * Copies {@code bytes} in and out at the same time, as W8's uploader and downloader move files:
     * each way back to back for {@code duration} (at least once; the copy under way at the end is
     * finished), after one copy each way that is not measured.
     */
    public Rates both(byte[] bytes, Duration duration) throws IOException {
        copyIn(STORE, bytes);
        copyOut(bytes.length);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            long stop = System.nanoTime() + duration.toNanos();
            Future<long[]> in = two.submit(() -> backToBack(stop, () -> copyIn(IN, bytes)));
            Future<long[]> out = two.submit(() -> backToBack(stop, () -> copyOut(bytes.length)));
            long[] i = in.get();
            long[] o = out.get();
            return new Rates(i[0] * (double) bytes.length / (i[1] / 1e9) / 1e6, (int) i[0],
                    o[0] * (double) bytes.length / (o[1] / 1e9) / 1e6, (int) o[0]);
        } catch (ExecutionException e) {
            throw new IOException("socket copy failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying", e);
        } finally {
            two.shutdownNow();
        }
    }

    private interface Copy {
        void run() throws IOException;
    }

    /** Copies until {@code stop}: how many, and the time from the start of the first to the end of the last. */
    private static long[] backToBack(long stop, Copy copy) throws IOException {
        long start = System.nanoTime();
        long count = 0;
        do {
            copy.run();
            count++;
        } while (System.nanoTime() - stop < 0);
        return new long[] {count, System.nanoTime() - start};
    }

    /** Copies {@code bytes} into the peer's file ({@link #IN} or {@link #STORE}) and waits for its answer. */
    void copyIn(byte op, byte[] bytes) throws IOException {
        try (SocketChannel channel = open()) {
            writeFully(channel, request(op, bytes.length));
            for (int at = 0; at < bytes.length; at += PIECE) {
                writeFully(channel, ByteBuffer.wrap(bytes, at, Math.min(PIECE, bytes.length - at)));
            }
            readFully(channel, ByteBuffer.allocate(1));
        }
    }

    /** Reads the first {@code length} bytes of the peer's stored file, and drops them. */
    void copyOut(long length) throws IOException {
        try (SocketChannel channel = open()) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(2 * PIECE);
            writeFully(channel, request(OUT, length));
            for (long left = length; left > 0; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new EOFException("the copy peer sent " + (length - left) + " of " + length + " bytes");
                }
                left -= n;
            }
        }
    }

    private SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    private static ByteBuffer request(byte op, long length) {
        return ByteBuffer.allocate(1 + Long.BYTES).put(op).putLong(length).flip();
    }

    @Override
    public void close() {
        peer.close();
    }

    /** The peer: {@code SocketCopy <port> <dir>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            while (true) {
                SocketChannel channel = server.accept();
                Thread serving = new Thread(() -> handle(channel, dir), "copy");
                serving.setDaemon(true);
                serving.start();
            }
        }
    }

    private static void handle(SocketChannel channel, Path dir) {
        try (channel) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            serve(channel, dir, ByteBuffer.allocateDirect(PIECE));
        } catch (EOFException e) {
            // The start-up probe, or a generator that went away.
        } catch (IOException e) {
            // The generator sees the connection close; the log says why.
            System.err.println("copy failed: " + e);
        }
    }

    static void serve(SocketChannel channel, Path dir, ByteBuffer buffer) throws IOException {
        ByteBuffer request = readFully(channel, ByteBuffer.allocate(1 + Long.BYTES));
        byte op = request.get();
        long length = request.getLong();
        Path stored = dir.resolve("out.bin");
        if (op == IN || op == STORE) {
            try (FileChannel out = FileChannel.open(op == IN ? dir.resolve("in.bin") : stored, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long left = length; left > 0; ) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                    if (channel.read(buffer) < 0) {
                        throw new EOFException("the generator sent " + (length - left) + " of " + length + " bytes");
                    }
                    left -= buffer.position();
                    writeFully(out, buffer.flip());
                }
                out.force(true);
            }
            writeFully(channel, ByteBuffer.allocate(1));
        } else if (op == OUT) {
            try (FileChannel in = FileChannel.open(stored, StandardOpenOption.READ)) {
                for (long at = 0; at < length; ) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
                    if (in.read(buffer, at) < 0) {
                        throw new EOFException("the stored copy holds fewer than " + length + " bytes");
                    }
                    at += buffer.position();
                    writeFully(channel, buffer.flip());
                }
            }
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("closed after " + buffer.position() + " of " + buffer.capacity() + " bytes");
            }
        }
        return buffer.flip();
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
