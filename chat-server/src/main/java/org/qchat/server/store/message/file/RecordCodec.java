package org.qchat.server.store.message.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.StoredBody;

/**
 * One message as bytes in a segment. All integers are big-endian; strings are UTF-8.
 *
 * <pre>
 * offset  size  field
 *      0     4  length       bytes that follow this field (crc .. end of text)
 *      4     4  crc32c       CRC32C of every byte after this field (type .. end of text)
 *      8     1  type         1 = message
 *      9     1  flags        bit 0: erased (text bytes are zeros, read back as "");
 *                             bits 1-2: how the text bytes hold the content, see StoredBody:
 *                             0 text, 1 image, 2 file (the file's description as JSON),
 *                             3 envelope (content with reply, mentions or a system event, as JSON)
 *     10     8  msgId
 *     18     8  convId
 *     26     8  seq
 *     34     8  senderId
 *     42     8  time         epoch milliseconds
 *     50     2  c            clientMsgId length in bytes (unsigned)
 *     52     c  clientMsgId
 *   52+c     4  t            text length in bytes
 *   56+c     t  text
 * </pre>
 *
 * A record of msgId 7, conv 3, seq 1, sender 9, time 1000, clientMsgId "a", text "hi" is 59 bytes:
 * <pre>
 * [00 00 00 37][crc32c: 4 bytes][01][00][00 00 00 00 00 00 00 07][00 .. 03][00 .. 01][00 .. 09]
 * [00 00 00 00 00 00 03 e8][00 01][61][00 00 00 02][68 69]
 * </pre>
 *
 * <p>A record is at most {@link #MAX_RECORD_LENGTH} bytes in all; readers check the declared length
 * against that before they allocate. Erasing keeps the record's length: the text's bytes become zeros
 * and the flag is set, so the record can be rewritten in place.
 *
 * <p>Stateless and thread-safe.
 */
final class RecordCodec {

    static final byte TYPE_MESSAGE = 1;
    static final byte FLAG_ERASED = 1;
    private static final int KIND_SHIFT = 1;
    private static final int KIND_MASK = 0b110;

    /** Bytes before the clientMsgId: length .. clientMsgId length. */
    static final int FIXED_HEAD = 52;
    /** The smallest record: empty clientMsgId and text. */
    static final int MIN_RECORD_LENGTH = FIXED_HEAD + 4;
    /** Room for any text a frame can carry (256 KiB by default), with a wide margin. */
    static final int MAX_RECORD_LENGTH = 16 * 1024 * 1024;

    static final int LENGTH_FIELD = 4;
    static final int CRC_OFFSET = 4;
    static final int TYPE_OFFSET = 8;
    static final int FLAGS_OFFSET = 9;
    private static final int MSG_ID_OFFSET = 10;
    private static final int CONV_ID_OFFSET = 18;
    private static final int SEQ_OFFSET = 26;
    private static final int SENDER_OFFSET = 34;
    private static final int TIME_OFFSET = 42;
    private static final int CLIENT_LENGTH_OFFSET = 50;
    private static final int MAX_CLIENT_ID_BYTES = 0xFFFF;

    private RecordCodec() {
    }

    /** A message's strings as UTF-8, computed once to size and then write its record. */
    record Encoded(MessageInfo message, byte[] clientMsgId, byte[] text) {

        int length() {
            return MIN_RECORD_LENGTH + clientMsgId.length + text.length;
        }
    }

    /**
     * Prepares {@code m} for {@link #write}; throws IllegalArgumentException if it cannot be stored
     * (null strings, a clientMsgId over 65,535 bytes, a record over {@link #MAX_RECORD_LENGTH}).
     */
    static Encoded prepare(MessageInfo m) {
        if (m.clientMsgId() == null || m.text() == null) {
            throw new IllegalArgumentException("message " + m.convId() + "/" + m.seq() + " has a null clientMsgId or text");
        }
        byte[] clientMsgId = m.clientMsgId().getBytes(StandardCharsets.UTF_8);
        byte[] text = StoredBody.body(m).getBytes(StandardCharsets.UTF_8);
        if (clientMsgId.length > MAX_CLIENT_ID_BYTES) {
            throw new IllegalArgumentException("clientMsgId of " + clientMsgId.length + " bytes exceeds " + MAX_CLIENT_ID_BYTES);
        }
        Encoded encoded = new Encoded(m, clientMsgId, text);
        if ((long) MIN_RECORD_LENGTH + clientMsgId.length + text.length > MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("message of " + text.length + " text bytes exceeds the record limit of "
                    + MAX_RECORD_LENGTH + " bytes");
        }
        return encoded;
    }

    /** Writes the record at {@code dst}'s position and advances it; {@code dst} must have room for it. */
    static void write(Encoded e, ByteBuffer dst) {
        int start = dst.position();
        MessageInfo m = e.message();
        dst.putInt(e.length() - LENGTH_FIELD)
                .putInt(0) // the CRC, filled in below once the bytes it covers are written
                .put(TYPE_MESSAGE)
                .put((byte) (StoredBody.kindCode(m) << KIND_SHIFT))
                .putLong(m.msgId())
                .putLong(m.convId())
                .putLong(m.seq())
                .putLong(m.senderId())
                .putLong(m.time())
                .putShort((short) e.clientMsgId().length)
                .put(e.clientMsgId())
                .putInt(e.text().length)
                .put(e.text());
        dst.putInt(start + CRC_OFFSET, crc(dst, start, e.length()));
    }

    /**
     * The declared total length of the record starting at {@code headerPosition} of {@code src} (which
     * must hold at least its 4-byte length field), or -1 if that length cannot be a record's.
     */
    static int totalLength(ByteBuffer src, int headerPosition) {
        int rest = src.getInt(headerPosition);
        if (rest < MIN_RECORD_LENGTH - LENGTH_FIELD || rest > MAX_RECORD_LENGTH - LENGTH_FIELD) {
            return -1;
        }
        return rest + LENGTH_FIELD;
    }

    /** Whether the CRC of the complete record at {@code start} (of {@code length} bytes) matches its bytes. */
    static boolean crcMatches(ByteBuffer src, int start, int length) {
        return src.getInt(start + CRC_OFFSET) == crc(src, start, length);
    }

    static boolean isErased(ByteBuffer src, int start) {
        return (src.get(start + FLAGS_OFFSET) & FLAG_ERASED) != 0;
    }

    /**
     * The message in the complete record at {@code start} of {@code src}, whose length was checked
     * with {@link #totalLength}; null if its inner lengths or type do not fit (garbage). Does not check
     * the CRC. {@code withText} false leaves the text out (""), for recovery, which needs only the keys.
     */
    static MessageInfo read(ByteBuffer src, int start, int length, boolean withText) {
        if (src.get(start + TYPE_OFFSET) != TYPE_MESSAGE) {
            return null;
        }
        int clientLength = Short.toUnsignedInt(src.getShort(start + CLIENT_LENGTH_OFFSET));
        int textLengthAt = start + FIXED_HEAD + clientLength;
        if (FIXED_HEAD + clientLength + 4 > length) {
            return null;
        }
        int textLength = src.getInt(textLengthAt);
        if (textLength != length - MIN_RECORD_LENGTH - clientLength) {
            return null;
        }
        String clientMsgId = string(src, start + FIXED_HEAD, clientLength);
        String text = withText && !isErased(src, start) ? string(src, textLengthAt + 4, textLength) : "";
        MessageInfo read = new MessageInfo(src.getLong(start + MSG_ID_OFFSET), src.getLong(start + CONV_ID_OFFSET),
                src.getLong(start + SEQ_OFFSET), src.getLong(start + SENDER_OFFSET), clientMsgId, text,
                src.getLong(start + TIME_OFFSET));
        return StoredBody.restore(read, (src.get(start + FLAGS_OFFSET) & KIND_MASK) >> KIND_SHIFT);
    }

    /**
     * The message in {@code record} (a buffer from 0 to exactly one record's length), or null if it
     * is not a whole record: malformed, or a CRC mismatch. A record whose erased flag is set is read
     * despite a CRC mismatch, as erased: only an erase rewrites a record, it sets the flag before it
     * touches anything else, and it never changes the ids (see {@link #erase}).
     */
    static MessageInfo readChecked(ByteBuffer record, boolean withText) {
        int length = record.limit();
        MessageInfo m = read(record, 0, length, withText);
        if (m == null || crcMatches(record, 0, length) || isErased(record, 0)) {
            return m;
        }
        return null;
    }

    /**
     * Turns the complete record at {@code start} into its erased form in place: flag set, text bytes
     * zeroed, CRC recomputed. A record already flagged comes out the same, its text zeroed if a crash
     * left it there.
     */
    static void erase(ByteBuffer record, int start, int length) {
        int clientLength = Short.toUnsignedInt(record.getShort(start + CLIENT_LENGTH_OFFSET));
        int textStart = start + FIXED_HEAD + clientLength + 4;
        for (int i = textStart; i < start + length; i++) {
            record.put(i, (byte) 0);
        }
        record.put(start + FLAGS_OFFSET, (byte) (record.get(start + FLAGS_OFFSET) | FLAG_ERASED));
        record.putInt(start + CRC_OFFSET, crc(record, start, length));
    }

    private static int crc(ByteBuffer src, int start, int length) {
        CRC32C crc = new CRC32C();
        crc.update(src.slice(start + TYPE_OFFSET, length - TYPE_OFFSET));
        return (int) crc.getValue();
    }

    private static String string(ByteBuffer src, int at, int length) {
        if (length == 0) {
            return "";
        }
        if (src.hasArray()) {
            return new String(src.array(), src.arrayOffset() + at, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        src.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
