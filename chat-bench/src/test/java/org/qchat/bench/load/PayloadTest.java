package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

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
}
