package org.qchat.server.store.message.file;

/**
 * The 64-bit hashes the indexes store in place of keys. They are written to disk, so they must never
 * change: a different function would make every stored index miss (the log would still be right,
 * but only after deleting the index files and rebuilding them).
 */
final class KeyHash {

    private static final long SEQ_SEED = 0x9E37_79B9_7F4A_7C15L;
    private static final long CLIENT_SEED = 0xC2B2_AE3D_27D4_EB4FL;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private KeyHash() {
    }

    /** The hash of a message's place in its conversation. */
    static long seq(long convId, long seq) {
        return mix(mix(convId ^ SEQ_SEED) + seq);
    }

    /** The hash of a message's identity to its sender. Hashes UTF-16 code units: no encoding needed. */
    static long client(long senderId, String clientMsgId) {
        long h = mix(senderId ^ CLIENT_SEED);
        for (int i = 0; i < clientMsgId.length(); i++) {
            h = (h ^ clientMsgId.charAt(i)) * FNV_PRIME;
        }
        return mix(h + clientMsgId.length());
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return z ^ (z >>> 33);
    }
}
