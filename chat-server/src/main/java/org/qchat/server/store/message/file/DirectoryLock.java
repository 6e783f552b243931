package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.qchat.server.store.message.MessageLogException;

/**
 * Keeps a directory to one log: the file {@code LOCK} in it, locked with {@link FileChannel#tryLock()}
 * for as long as the log is open and holding the owner's pid, so that whoever is refused can say who
 * has it. The operating system drops the lock when the process dies, however it dies: a stale
 * {@code LOCK} file from a crash stops nobody.
 *
 * <p>Within one JVM the lock is also kept in a set of locked directories, checked before the file is
 * touched: the JVM would refuse a second lock anyway, but closing any second channel on the file would
 * release the first one's lock (POSIX locks belong to the process, not the channel). For the same
 * reason nothing else in this process may open {@code LOCK} while the log is open.
 *
 * <p>Thread-safe.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE = "LOCK";
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DirectoryLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (which must exist) or throws {@link MessageLogException} naming the process
     * that holds it.
     */
    static DirectoryLock acquire(Path dir) throws IOException {
        Path real = dir.toRealPath();
        long ownPid = ProcessHandle.current().pid();
        if (!HELD_IN_THIS_JVM.add(real)) {
            throw inUse(real, ownPid, true);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(real.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held in this JVM through another path to the same file (a link): not in the set.
                throw inUse(real, ownPid, true);
            }
            if (lock == null) {
                throw inUse(real, ownerPid(real), false);
            }
            ByteBuffer pid = ByteBuffer.wrap((ownPid + "\n").getBytes(StandardCharsets.US_ASCII));
            channel.truncate(0);
            channel.write(pid, 0);
            return new DirectoryLock(real, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(real);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** Releases the lock; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_IN_THIS_JVM.remove(dir);
        }
    }

    private static MessageLogException inUse(Path dir, long pid, boolean thisProcess) {
        String owner = (thisProcess ? " in this process" : "") + (pid > 0 ? " (pid " + pid + ")" : "");
        return new MessageLogException(dir + " is in use by another qchat server" + owner
                + "; stop it first or use another --data-dir");
    }

    /** The pid the lock holder wrote, or -1 if it cannot be read (it may not have written it yet). */
    private static long ownerPid(Path dir) {
        try {
            String text = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
