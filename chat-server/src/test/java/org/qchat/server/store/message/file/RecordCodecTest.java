package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.MessageInfo;

/** The record layout drawn in {@link RecordCodec}'s Javadoc, byte for byte. */
class RecordCodecTest {

    /** msgId 7, conv 3, seq 1, sender 9, time 1000, clientMsgId "a", text "hi": the Javadoc's example. */
    private static final MessageInfo EXAMPLE = new MessageInfo(7, 3, 1, 9, "a", "hi", 1000);
    private static final String EXAMPLE_RECORD = "00000037" + "6f280e24" + "01" + "00"
            + "0000000000000007" + "0000000000000003" + "0000000000000001" + "0000000000000009"
            + "00000000000003e8" + "0001" + "61" + "00000002" + "6869";
    /** The same record erased: flag set, text bytes zero, CRC recomputed; lengths and ids untouched. */
    private static final String EXAMPLE_ERASED = "00000037" + "8a28567d" + "01" + "01"
            + "0000000000000007" + "0000000000000003" + "0000000000000001" + "0000000000000009"
            + "00000000000003e8" + "0001" + "61" + "00000002" + "0000";

    @Test
    void theExampleMessageIsWrittenAsTheDocumentedBytes() {
        RecordCodec.Encoded encoded = RecordCodec.prepare(EXAMPLE);
        ByteBuffer buffer = ByteBuffer.allocate(encoded.length());

        RecordCodec.write(encoded, buffer);

        assertThat(encoded.length()).isEqualTo(59);
        assertThat(HexFormat.of().formatHex(buffer.array())).isEqualTo(EXAMPLE_RECORD);
    }

    @Test
    void theDocumentedBytesReadBackAsTheExampleMessage() {
        assertThat(RecordCodec.readChecked(record(EXAMPLE_RECORD), true)).isEqualTo(EXAMPLE);
        assertThat(RecordCodec.totalLength(record(EXAMPLE_RECORD), 0)).isEqualTo(59);
    }

    @Test
    void erasingZeroesTheTextSetsTheFlagAndKeepsTheRecordValid() {
        ByteBuffer record = record(EXAMPLE_RECORD);

        RecordCodec.erase(record, 0, 59);

        assertThat(HexFormat.of().formatHex(record.array())).isEqualTo(EXAMPLE_ERASED);
        assertThat(RecordCodec.readChecked(record, true)).isEqualTo(new MessageInfo(7, 3, 1, 9, "a", "", 1000));
    }

    @Test
    void erasingARecordFlaggedButStillHoldingItsTextFinishesTheErase() {
        // What a crash between the erase's two writes leaves: the flag alone.
        ByteBuffer record = record(EXAMPLE_RECORD);
        record.put(RecordCodec.FLAGS_OFFSET, (byte) (record.get(RecordCodec.FLAGS_OFFSET) | RecordCodec.FLAG_ERASED));

        RecordCodec.erase(record, 0, 59);

        assertThat(HexFormat.of().formatHex(record.array())).isEqualTo(EXAMPLE_ERASED);
    }

    @Test
    void aDamagedByteAnywhereMakesTheRecordUnreadable() {
        for (int i = RecordCodec.CRC_OFFSET; i < 59; i++) {
            if (i == RecordCodec.FLAGS_OFFSET) {
                continue; // see the next test
            }
            ByteBuffer record = record(EXAMPLE_RECORD);
            record.put(i, (byte) (record.get(i) ^ 0x10));
            assertThat(RecordCodec.readChecked(record, true)).as("byte %d damaged", i).isNull();
        }
    }

    @Test
    void anEraseCutShortAfterItsFlagWriteReadsAsErasedDespiteTheCrc() {
        ByteBuffer record = record(EXAMPLE_RECORD);
        record.put(RecordCodec.FLAGS_OFFSET, RecordCodec.FLAG_ERASED);

        assertThat(RecordCodec.crcMatches(record, 0, 59)).isFalse();
        assertThat(RecordCodec.readChecked(record, true)).isEqualTo(new MessageInfo(7, 3, 1, 9, "a", "", 1000));
    }

    @Test
    void lengthsOutsideTheRecordLimitsAreRejectedBeforeAnythingIsAllocated() {
        assertThat(RecordCodec.totalLength(ByteBuffer.allocate(4).putInt(0, RecordCodec.MIN_RECORD_LENGTH - 5), 0)).isEqualTo(-1);
        assertThat(RecordCodec.totalLength(ByteBuffer.allocate(4).putInt(0, RecordCodec.MAX_RECORD_LENGTH - 3), 0)).isEqualTo(-1);
        assertThat(RecordCodec.totalLength(ByteBuffer.allocate(4).putInt(0, -1), 0)).isEqualTo(-1);
        assertThat(RecordCodec.totalLength(ByteBuffer.allocate(4).putInt(0, RecordCodec.MAX_RECORD_LENGTH - 4), 0))
                .isEqualTo(RecordCodec.MAX_RECORD_LENGTH);
    }

    @Test
    void aMessageTooLargeForOneRecordIsRefused() {
        MessageInfo huge = new MessageInfo(1, 1, 1, 1, "c", "x".repeat(RecordCodec.MAX_RECORD_LENGTH), 0);

        assertThatThrownBy(() -> RecordCodec.prepare(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the record limit");
    }

    @Test
    void aRecordWhoseInnerLengthsDoNotAddUpIsRefusedWhateverItsCrc() {
        ByteBuffer record = record(EXAMPLE_RECORD);
        record.putShort(50, (short) 3); // clientMsgId length 3: the text length no longer fits

        assertThat(RecordCodec.read(record, 0, 59, true)).isNull();
    }

    private static ByteBuffer record(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
