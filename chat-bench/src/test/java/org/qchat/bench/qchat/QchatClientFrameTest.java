package org.qchat.bench.qchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.qchat.bench.load.Payload;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.SendMessage;

/** The generator writes its message frames by hand; the server's own codec must read them exactly. */
class QchatClientFrameTest {

    private final FrameCodec codec = new FrameCodec(new PacketMapper(), FrameCodec.DEFAULT_MAX_FRAME_LENGTH);

    @Test
    void aSendFrameDecodesToTheSendItMeans() throws Exception {
        byte[] frame = QchatClient.messageFrame("msg.send", 42, "7-3", 5, 123_456_789L, 200);

        assertThat(codec.decode(ByteBuffer.wrap(frame))).isEqualTo(
                new SendMessage("s5.123456789", 42, "7-3", Payload.text(5, 123_456_789L, 200)));
    }

    @Test
    void aBroadcastFrameHasNoConversation() throws Exception {
        byte[] frame = QchatClient.messageFrame("broadcast", -1, "0-1", 0, -5L, 10);

        assertThat(codec.decode(ByteBuffer.wrap(frame))).isEqualTo(new Broadcast("s0.-5", "0-1", "B0|-5|xxxx"));
    }
}
