package org.qchat.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.bench.mqtt.Hex.bytes;
import static org.qchat.bench.mqtt.Hex.hex;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Variable Byte Integer: the boundaries of spec table 1.5.5, where the encoded size changes. */
class WireTest {

    /**
     * Seven bits per byte, least significant group first, bit 7 set on every byte but the last.
     * 128 = 0b1_0000000: low group 0 with the continuation bit (80), then 1 (01).
     * 16383 = 2^14 - 1: two full groups (ff 7f). 2097152 = 2^21: three empty groups, then 1.
     */
    @ParameterizedTest
    @CsvSource({
            "0,         00",
            "127,       7f",
            "128,       80 01",
            "16383,     ff 7f",
            "16384,     80 80 01",
            "2097151,   ff ff 7f",
            "2097152,   80 80 80 01",
            "268435455, ff ff ff 7f",
    })
    void boundaryValuesEncodeAndDecodeAsTheSpecTableShows(int value, String encoded) {
        byte[] expected = bytes(encoded);
        byte[] out = new byte[4];

        int end = Wire.putVarInt(out, 0, value);

        assertThat(hex(Arrays.copyOf(out, end))).isEqualTo(hex(expected));
        assertThat(Wire.varIntSize(value)).isEqualTo(expected.length);
        long read = Wire.getVarInt(ByteBuffer.wrap(expected), 0, expected.length);
        assertThat((int) read).isEqualTo(value);
        assertThat((int) (read >>> 32)).isEqualTo(expected.length);
        for (int available = 0; available < expected.length; available++) {
            assertThat(Wire.getVarInt(ByteBuffer.wrap(expected), 0, available)).as("%d bytes", available).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 268_435_456, Integer.MAX_VALUE})
    void valuesBeyondFourBytesCannotBeEncoded(int value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Wire.varIntSize(value));
    }

    /** A fourth byte with its continuation bit set is malformed whether or not a fifth byte follows. */
    @ParameterizedTest
    @ValueSource(strings = {"ff ff ff ff 01", "80 80 80 80 01", "ff ff ff ff"})
    void aFiveByteIntegerIsRejected(String encoded) {
        byte[] in = bytes(encoded);
        assertThatThrownBy(() -> Wire.getVarInt(ByteBuffer.wrap(in), 0, in.length))
                .isInstanceOf(MqttProtocolException.class)
                .hasMessageContaining("longer than 4 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"80 00", "ff 80 00", "80 80 80 00"})
    void aLongerEncodingThanNeededIsRejected(String encoded) {
        byte[] in = bytes(encoded);
        assertThatThrownBy(() -> Wire.getVarInt(ByteBuffer.wrap(in), 0, in.length))
                .isInstanceOf(MqttProtocolException.class)
                .hasMessageContaining("shortest form");
    }

    /** é is U+00E9 (2 bytes: c3 a9), 😀 is U+1F600 (a surrogate pair in Java, 4 bytes: f0 9f 98 80). */
    @Test
    void stringsAreWrittenAsLengthPrefixedUtf8() {
        String s = "g/\u00e9\uD83D\uDE00";
        int length = Wire.utf8Length(s, "topic");
        byte[] out = new byte[2 + length];

        Wire.putUtf8(out, 0, s, length);

        assertThat(hex(out)).isEqualTo("00 08 67 2f c3 a9 f0 9f 98 80");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\uD83D", "\uDE00a"})
    void stringsMqttForbidsAreRefusedRatherThanMangled(String s) {
        assertThatIllegalArgumentException().isThrownBy(() -> Wire.utf8Length(s, "topic"));
    }
}
