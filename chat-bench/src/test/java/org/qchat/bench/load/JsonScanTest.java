package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;

/** The generator's shortcut must read exactly what the server's encoder writes. */
class JsonScanTest {

    private final PacketMapper mapper = new PacketMapper();

    @Test
    void readsAPushAsTheServerEncodesIt() {
        String text = Payload.text(4, 987_654_321L, 200);
        byte[] body = mapper.write(new MessagePush(new MessageInfo(77, 12, 3_456, 9, "9-1", text, 1_700_000_000_000L)));

        assertThat(JsonScan.startsWith(body, 0, body.length, "{\"type\":\"msg\",".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(JsonScan.longField(body, 0, body.length, JsonScan.key("convId"))).isEqualTo(12);
        assertThat(JsonScan.longField(body, 0, body.length, JsonScan.key("seq"))).isEqualTo(3_456);
        int at = JsonScan.after(body, 0, body.length, JsonScan.key("text"));
        assertThat(Payload.parse(body, at + 1, body.length)).isEqualTo(new Payload.Stamp(4, 987_654_321L));
    }

    @Test
    void readsTheRequestIdOfAnAckFirst() {
        byte[] body = mapper.write(new MessageSent("s4.123", "9-1", 77, 12, 5, 1L));

        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"type\":\"msg.sent\",\"id\":\"s4.123\"");
    }

    @Test
    void missingFieldsAndNonNumbersReadAsMinusOne() {
        byte[] body = "{\"a\":\"x\",\"n\":12}".getBytes(StandardCharsets.US_ASCII);

        assertThat(JsonScan.longField(body, 0, body.length, JsonScan.key("b"))).isEqualTo(-1);
        assertThat(JsonScan.longField(body, 0, body.length, JsonScan.key("a"))).isEqualTo(-1);
        assertThat(JsonScan.longField(body, 0, body.length, JsonScan.key("n"))).isEqualTo(12);
        assertThat(JsonScan.startsWith(body, 0, 2, "{\"a\"".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
