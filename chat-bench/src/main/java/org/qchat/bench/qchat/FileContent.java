package org.qchat.bench.qchat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The bytes W8 moves: one block of random bytes, and as many different files of its size as the
 * run uploads. Variant {@code v} is the block with its last 8 bytes replaced by {@code v}
 * (big-endian), so that every upload is a file the server does not hold yet (it would otherwise
 * answer {@code file.stored} or ask for a proof instead of taking the bytes), while the generator
 * keeps one copy in memory and hashes it once: the SHA-256 of every variant finishes a copy of the
 * digest of the shared part, taken when the content is made.
 *
 * <p>Immutable once made; the variants' hashes may be asked for on any thread.
 */
public final class FileContent {

    static final int TAIL = Long.BYTES;

    private final byte[] bytes;
    private final MessageDigest head;
    private final long hashNanos;

    private FileContent(byte[] bytes, MessageDigest head, long hashNanos) {
        this.bytes = bytes;
        this.head = head;
        this.hashNanos = hashNanos;
    }

    /**
     * {@code size} random bytes, the same for the same seed. The SHA-256 of a whole file is computed
     * here and timed, as an uploader computes it before it uploads: a second time, once the first
     * (which also makes the shared digest) has had the hash compiled.
     */
    public static FileContent random(long seed, int size) {
        if (size <= TAIL) {
            throw new IllegalArgumentException("a file of " + size + " bytes has no room for a variant number");
        }
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        MessageDigest head = sha256();
        head.update(bytes, 0, size - TAIL);
        long start = System.nanoTime();
        MessageDigest whole = sha256();
        whole.update(bytes, 0, size - TAIL);
        whole.update(tail(0));
        whole.digest();
        return new FileContent(bytes, head, System.nanoTime() - start);
    }

    public int size() {
        return bytes.length;
    }

    /** How long hashing a whole file once took. */
    public long hashNanos() {
        return hashNanos;
    }

    /** The lowercase hex SHA-256 of variant {@code variant}, as {@code file.upload} names it. */
    public String sha256(long variant) {
        MessageDigest digest = copy(head);
        digest.update(tail(variant));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Puts bytes {@code [offset, offset + length)} of variant {@code variant} at {@code out}'s position. */
    public void put(long variant, int offset, int length, ByteBuffer out) {
        int shared = Math.max(0, Math.min(length, bytes.length - TAIL - offset));
        out.put(bytes, offset, shared);
        if (shared < length) {
            out.put(tail(variant), offset + shared - (bytes.length - TAIL), length - shared);
        }
    }

    /** The bytes of variant {@code variant}: for checks; the generator's hot path uses {@link #put}. */
    public byte[] bytes(long variant) {
        byte[] copy = bytes.clone();
        System.arraycopy(tail(variant), 0, copy, bytes.length - TAIL, TAIL);
        return copy;
    }

    /** The shared block itself, not to be changed: what the plain socket copy sends. */
    byte[] block() {
        return bytes;
    }

    private static byte[] tail(long variant) {
        return ByteBuffer.allocate(TAIL).putLong(variant).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }
}
