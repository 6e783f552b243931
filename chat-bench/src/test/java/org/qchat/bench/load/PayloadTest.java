package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void theStampComesBackFromTheText() {
        byte[] bytes = Payload.bytes(7, 123_456_789_012L, 200);

        assertThat(bytes).hasSize(200);
        assertThat(Payload.parse(bytes, 0, bytes.length)).isEqualTo(new Payload.Stamp(7, 123_456_789_012L));
    }

    @Test
    void negativeSendTimesSurvive() {
        // System.nanoTime() may be negative.
        byte[] bytes = Payload.bytes(0, -42L, 50);

        assertThat(Payload.parse(bytes, 0, bytes.length)).isEqualTo(new Payload.Stamp(0, -42L));
    }

    @Test
    void aStampLongerThanTheSizeIsKeptWhole() {
        assertThat(Payload.text(12, Long.MAX_VALUE, 5)).isEqualTo("B12|" + Long.MAX_VALUE + "|");
    }

    @Test
    void textsThatAreNotStampsAreRecognised() {
        for (String text : new String[] {"", "hello", "B|1|", "B1|", "B1|2", "Bx|1|", "B1|x|", "b1|2|"}) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(Payload.parse(bytes, 0, bytes.length)).as(text).isNull();
        }
    }

    @Test
    void parsesInsideALargerBuffer() {
        byte[] body = "{\"text\":\"B3|99|xxx\"}".getBytes(StandardCharsets.US_ASCII);

        assertThat(Payload.parse(body, 9, body.length)).isEqualTo(new Payload.Stamp(3, 99));
    }

    @Test
    void writingIntoABufferGivesTheSameBytes() {
        long[] times = {0, 7, -42, 123_456_789_012L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long intended : times) {
            for (int size : new int[] {0, 5, 33, 200, 1000}) {
                ByteBuffer out = ByteBuffer.allocate(2000).put((byte) '#');

                int written = Payload.write(out, 12, intended, size);

                byte[] expected = Payload.bytes(12, intended, size);
                assertThat(written).as("%d, %d", intended, size).isEqualTo(expected.length);
                assertThat(java.util.Arrays.copyOfRange(out.array(), 1, out.position())).isEqualTo(expected);
            }
        }
    }

    @Test
    void theLongestStampFitsTheStatedMaximum() {
        assertThat(Payload.head(Integer.MAX_VALUE, Long.MIN_VALUE)).hasSize(Payload.MAX_HEAD_LENGTH);
    }

    @Test
    void aReaderReadsStampsInPlaceAndKeepsTheLast() {
        ByteBuffer direct = ByteBuffer.allocateDirect(300);
        Payload.write(direct.position(50), 9, -1_000L, 200);
        Payload.Reader reader = new Payload.Reader();

        assertThat(reader.read(direct, 50, 250)).isTrue();
        assertThat(reader.step()).isEqualTo(9);
        assertThat(reader.intendedNanos()).isEqualTo(-1_000L);
        assertThat(reader.read(direct, 51, 250)).as("not at a stamp").isFalse();
        assertThat(reader.step()).as("the last stamp read is kept").isEqualTo(9);
        assertThat(direct.position()).as("absolute reads only").isEqualTo(250);
    }
}
