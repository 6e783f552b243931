package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.SessionStarted;

/** {@code session.admin}: written only for administrators, and read back from the bytes. */
class SessionAdminFlagTest {

    private static final UserInfo ROOT = new UserInfo(1, "root", "Root", "");
    private final FrameCodec codec = new FrameCodec();

    @Test
    void anAdministratorsSessionCarriesAdminTrueAfterTheServerTime() throws Exception {
        SessionStarted started = new SessionStarted("1", "tok", ROOT, "pc", 2, 5).withAdmin(true);

        String json = body(codec.encode(started));

        assertThat(json).endsWith(",\"serverTime\":5,\"admin\":true}");
        assertThat(codec.decode(ByteBuffer.wrap(codec.encode(started)))).isEqualTo(started);
    }

    @Test
    void anyoneElsesSessionHasNoAdminFieldAtAll() {
        SessionStarted started = new SessionStarted("1", "tok", ROOT, "pc", 2, 5).withAdmin(false);

        assertThat(started.admin()).isNull();
        assertThat(body(codec.encode(started))).doesNotContain("admin");
    }

    @Test
    void aSessionWithoutTheFieldDecodesAsNotAnAdministrator() throws Exception {
        byte[] json = ("{\"type\":\"session\",\"id\":\"1\",\"token\":\"t\",\"user\":{\"userId\":1,\"username\":\"root\","
                + "\"nickname\":\"Root\",\"signature\":\"\"},\"device\":\"pc\",\"protocol\":2,\"serverTime\":5}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(4 + json.length).putInt(json.length).put(json).flip();

        SessionStarted decoded = (SessionStarted) codec.decode(frame);

        assertThat(decoded.admin()).isNull();
    }

    private static String body(byte[] frame) {
        return new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
    }
}
