package org.qchat.server.store.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link BlobReader} on a blob's file. Blobs never change once in place, so the size is read once,
 * when the file is opened; a blob deleted or replaced later keeps serving the file opened here.
 */
final class FileBlobReader implements BlobReader {

    private final FileChannel channel;
    private final long size;

    private FileBlobReader(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** Opens {@code file}; throws {@link java.nio.file.NoSuchFileException} if there is none. */
    static FileBlobReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new FileBlobReader(channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
