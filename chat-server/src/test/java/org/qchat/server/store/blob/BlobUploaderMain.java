package org.qchat.server.store.blob;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A second process for {@link FileBlobStoreTest}, to be killed with {@code kill -9} while it writes,
 * run with {@code <mode> <dir> ...}:
 * <ul>
 *   <li>{@code upload <dir> <key> <length> <seed>}: appends {@link BlobStoreContract#bytes} of that
 *       length and seed to the partial {@code key} in chunks of {@value #CHUNK}, printing
 *       {@code AT <length>} after each append returned; never commits. Waits for standard input to
 *       close once all are in;
 *   <li>{@code commit-loop <dir>}: stores blob after blob, printing {@code STORED <sha256>} after each
 *       commit returned true, until killed.
 * </ul>
 */
public final class BlobUploaderMain {

    static final int CHUNK = 16 * 1024;
    private static final int MAX_BLOBS = 1_000_000;

    private BlobUploaderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileBlobStore store = new FileBlobStore(Path.of(args[1]))) {
            switch (args[0]) {
                case "upload" -> upload(store, args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
                case "commit-loop" -> commitUntilKilled(store);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void upload(FileBlobStore store, String key, int length, long seed) throws Exception {
        byte[] content = BlobStoreContract.bytes(length, seed);
        PartialBlob partial = store.openPartial(key);
        for (int at = 0; at < length; at += CHUNK) {
            partial.append(at, ByteBuffer.wrap(content, at, Math.min(CHUNK, length - at)));
            System.out.println("AT " + partial.length());
        }
        System.out.flush();
        while (System.in.read() >= 0) {
            // killed before the parent closes our input, as a rule
        }
    }

    private static void commitUntilKilled(FileBlobStore store) throws Exception {
        for (int i = 0; i < MAX_BLOBS; i++) {
            byte[] content = BlobStoreContract.bytes(blobLength(i), i);
            String sha = BlobStoreContract.sha256(content);
            PartialBlob partial = store.openPartial("loop-" + i);
            for (int at = 0; at < content.length; at += CHUNK) {
                partial.append(at, ByteBuffer.wrap(content, at, Math.min(CHUNK, content.length - at)));
            }
            if (!partial.commit(sha)) {
                throw new AssertionError("blob " + i + " did not hash to its own sha256");
            }
            System.out.println("STORED " + sha);
        }
    }

    /** Sizes from 1 byte to some 200 KB, so that kills land in small and large commits alike. */
    static int blobLength(int i) {
        return 1 + (int) ((i * 7_919L) % 200_000);
    }
}
