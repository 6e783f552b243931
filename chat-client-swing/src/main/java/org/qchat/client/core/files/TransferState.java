package org.qchat.client.core.files;

import java.nio.file.Path;

/**
 * Where one message's file transfer stands, as a view shows it: not started (the file is not on
 * this computer), transferring (how far, how fast), done (the file is at {@code path}) or failed
 * (and why, as a message key).
 *
 * @param done           bytes sent (acknowledged by the server) or received so far
 * @param total          the file's size in bytes; 0 while an upload is still being hashed
 * @param bytesPerSecond the recent rate, 0 while not yet known
 * @param path           for {@link Phase#DONE}, the file on this computer; otherwise null
 * @param reasonKey      for {@link Phase#FAILED}, the message key saying why; otherwise null
 */
public record TransferState(Phase phase, long done, long total, long bytesPerSecond, Path path, String reasonKey) {

    public enum Phase { NOT_STARTED, TRANSFERRING, DONE, FAILED }

    public static final TransferState NOT_STARTED = new TransferState(Phase.NOT_STARTED, 0, 0, 0, null, null);

    public static TransferState transferring(long done, long total, long bytesPerSecond) {
        return new TransferState(Phase.TRANSFERRING, done, total, bytesPerSecond, null, null);
    }

    public static TransferState done(Path path, long total) {
        return new TransferState(Phase.DONE, total, total, 0, path, null);
    }

    public static TransferState failed(String reasonKey, long done, long total) {
        return new TransferState(Phase.FAILED, done, total, 0, null, reasonKey);
    }

    /** How much is done, 0 to 1. */
    public double fraction() {
        return phase == Phase.DONE ? 1 : total <= 0 ? 0 : Math.min(1, (double) done / total);
    }
}
