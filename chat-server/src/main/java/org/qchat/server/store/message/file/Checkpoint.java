package org.qchat.server.store.message.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;

/**
 * What recovery would otherwise learn by reading the whole log, as of one position in it: the file
 * {@code checkpoint} in the log's directory. Everything before {@link #logEnd} was forced to the disk
 * (segments and index tables) before the checkpoint was written, so recovery re-reads only the
 * records after it.
 *
 * <pre>
 * field               size (big-endian)
 * magic "QCHATCKP"       8
 * version (1)            4
 * logEnd                 8   global position just past the last record covered
 * lastMsgId              8   0 for an empty log
 * seq generations        4 + 8 each    generation numbers of the seq index, oldest first
 * client generations     4 + 8 each    same for the client index
 * heads                  4 + 16 each   (convId, lastSeq) of every conversation with messages
 * crc32c                 4   of every byte before it
 * </pre>
 *
 * <p>Written atomically: to {@code checkpoint.tmp}, forced, renamed over the old one, and the
 * directory forced, so a crash leaves either the old checkpoint or the new one, never a mix.
 * Not thread-safe: the log's writer alone reads and writes it.
 */
record Checkpoint(long logEnd, long lastMsgId, long[] seqGenerations, long[] clientGenerations, ConversationHeads heads) {

    static final String FILE = "checkpoint";
    private static final String TEMP = "checkpoint.tmp";
    private static final long MAGIC = 0x5143_4841_5443_4B50L; // "QCHATCKP"
    private static final int VERSION = 1;
    private static final int BUFFER = 64 * 1024;

    /** Thrown when a checkpoint file exists but cannot be trusted. */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * The checkpoint in {@code dir}, or null if there is none. Throws {@link UnreadableException}
     * if the file is damaged (bad magic, version, counts or CRC).
     */
    static Checkpoint read(Path dir) throws IOException, UnreadableException {
        Path file = dir.resolve(FILE);
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        CRC32C crc = new CRC32C();
        try (InputStream raw = Files.newInputStream(file);
             CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, BUFFER), crc);
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readLong() != MAGIC) {
                throw new UnreadableException("not a checkpoint file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new UnreadableException("checkpoint version " + version + ", expected " + VERSION);
            }
            long logEnd = in.readLong();
            long lastMsgId = in.readLong();
            long[] seqGenerations = readLongs(in, fileSize);
            long[] clientGenerations = readLongs(in, fileSize);
            int headCount = in.readInt();
            if (headCount < 0 || (long) headCount * 16 > fileSize) {
                throw new UnreadableException("checkpoint claims " + headCount + " heads in " + fileSize + " bytes");
            }
            ConversationHeads heads = new ConversationHeads();
            for (int i = 0; i < headCount; i++) {
                heads.advance(in.readLong(), in.readLong());
            }
            int expected = (int) crc.getValue();
            if (in.readInt() != expected || in.read() != -1) {
                throw new UnreadableException("checkpoint CRC mismatch");
            }
            if (logEnd < 0 || lastMsgId < 0) {
                throw new UnreadableException("checkpoint holds a negative position or id");
            }
            return new Checkpoint(logEnd, lastMsgId, seqGenerations, clientGenerations, heads);
        } catch (EOFException e) {
            throw new UnreadableException("checkpoint is truncated");
        }
    }

    /** Replaces the checkpoint in {@code dir} with this one, atomically and durably. */
    void write(Path dir) throws IOException {
        Path temp = dir.resolve(TEMP);
        CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), crc));
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(logEnd);
            out.writeLong(lastMsgId);
            writeLongs(out, seqGenerations);
            writeLongs(out, clientGenerations);
            out.writeInt(heads.size());
            try {
                heads.forEach((conv, seq) -> {
                    try {
                        out.writeLong(conv);
                        out.writeLong(seq);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.writeInt((int) crc.getValue());
            out.flush();
            channel.force(true);
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
    }

    /** Makes renames and new files in {@code dir} durable (Linux and macOS; a no-op where unsupported). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static long[] readLongs(DataInputStream in, long fileSize) throws IOException, UnreadableException {
        int n = in.readInt();
        if (n < 0 || (long) n * 8 > fileSize) {
            throw new UnreadableException("checkpoint claims " + n + " generations in " + fileSize + " bytes");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }
}
