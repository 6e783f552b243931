package org.qchat.server.store.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A {@link PartialBlob} in a file of its own, {@code partial/<key>.part}, with the running SHA-256 of
 * the file's bytes in memory. The digest always covers exactly the first {@link #length()} bytes of
 * the file: an append updates it only once its bytes are written, and a failed append cuts the file
 * back.
 *
 * <p>Threads: every method holds the partial's monitor, so a delete or a store close from another
 * thread waits for a running append and then closes it.
 */
final class FilePartialBlob implements PartialBlob {

    private static final int REHASH_BUFFER = 64 * 1024;

    private final String key;
    private final Path path;
    private final BlobLayout layout;
    /** Tells the store that the key may be opened again. */
    private final Consumer<FilePartialBlob> onClose;
    private FileChannel channel;
    private MessageDigest digest;
    private long length;
    private boolean closed;

    private FilePartialBlob(String key, Path path, BlobLayout layout, Consumer<FilePartialBlob> onClose) {
        this.key = key;
        this.path = path;
        this.layout = layout;
        this.onClose = onClose;
    }

    /**
     * A partial of {@code key} that is not open yet: the store registers it under its key before
     * {@link #open()} reads the file, so that nobody else opens the same key meanwhile. A delete
     * registers one that it never opens, to hold the key while it removes the file.
     */
    static FilePartialBlob unopened(String key, BlobLayout layout, Consumer<FilePartialBlob> onClose) {
        return new FilePartialBlob(key, layout.partial(key), layout, onClose);
    }

    /** Opens the file, creating it if need be, and hashes what an earlier run left in it. */
    synchronized void open() throws IOException {
        if (closed) {
            throw new IllegalStateException("partial " + key + " was closed while it opened");
        }
        FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            MessageDigest hash = newSha256();
            length = hashAll(opened, hash);
            digest = hash;
            channel = opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public synchronized long length() {
        return length;
    }

    /** {@link #length()} while open; -1 before {@link #open()} finished and after closing. */
    synchronized long lengthIfOpen() {
        return channel != null && !closed ? length : -1;
    }

    @Override
    public synchronized void append(long offset, ByteBuffer data) throws IOException {
        requireOpen();
        if (offset != length) {
            throw new IllegalStateException("partial " + key + " holds " + length + " bytes; cannot append at "
                    + offset);
        }
        ByteBuffer toHash = data.duplicate();
        long end = length;
        try {
            while (data.hasRemaining()) {
                end += channel.write(data, end);
            }
        } catch (IOException e) {
            cutBack(e);
            throw e;
        }
        digest.update(toHash);
        length = end;
    }

    @Override
    public synchronized boolean commit(String expectedSha256) throws IOException {
        BlobNames.requireSha256(expectedSha256);
        requireOpen();
        try {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256)) {
                channel.close();
                Files.deleteIfExists(path);
                return false;
            }
            if (Files.exists(layout.blob(expectedSha256))) {
                channel.close();
                Files.deleteIfExists(path);
                return true;
            }
            channel.force(true);
            channel.close();
            layout.install(path, expectedSha256);
            return true;
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            onClose.accept(this);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("partial " + key + " is closed");
        }
    }

    /** Undoes a failed append's bytes, or, if the file cannot be cut, closes so a reopen rehashes it. */
    private void cutBack(IOException failure) {
        try {
            channel.truncate(length);
        } catch (IOException e) {
            failure.addSuppressed(e);
            try {
                close();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
        }
    }

    /** Feeds every byte of the file to {@code hash}; returns how many there were. */
    private static long hashAll(FileChannel file, MessageDigest hash) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(REHASH_BUFFER);
        long position = 0;
        for (int n = file.read(buffer, position); n >= 0; n = file.read(buffer, position)) {
            position += n;
            buffer.flip();
            hash.update(buffer);
            buffer.clear();
        }
        return position;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
