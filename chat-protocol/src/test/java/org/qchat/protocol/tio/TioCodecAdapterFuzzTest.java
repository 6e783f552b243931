package org.qchat.protocol.tio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.protocol.FuzzInputs.TRIES;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.FuzzInputs;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.testing.Fuzz;

/**
 * Property-based fuzzing of {@link TioCodecAdapter#decode} under t-io's contract, which is what the
 * server runs on every read: from the given position it takes exactly one frame, or nothing (until
 * more bytes arrive), or — on a broken stream — everything that was readable; it never throws.
 */
class TioCodecAdapterFuzzTest {

    private static final int MAX_FRAME = 4096;

    private final TioCodecAdapter adapter = new TioCodecAdapter(new FrameCodec(new PacketMapper(), MAX_FRAME));

    @Test
    void fromAnyPositionTheAdapterTakesOneFrameNothingOrAllThatIsReadable() {
        Fuzz.run("TioCodecAdapterFuzzTest.anyInput", TRIES,
                random -> check(FuzzInputs.hostileInput(random, MAX_FRAME), random.nextInt(9)));
    }

    private void check(byte[] input, int alreadyConsumed) {
        ByteBuffer buffer = ByteBuffer.wrap(FuzzInputs.concat(new byte[alreadyConsumed], input));
        buffer.position(alreadyConsumed);
        int limit = buffer.limit();
        int declared = input.length >= FrameCodec.HEADER_LENGTH ? ByteBuffer.wrap(input).getInt() : -1;

        TioFrame frame = adapter.decode(buffer, limit, alreadyConsumed, limit - alreadyConsumed,
                TioCodecAdapterTest.StubContext.create());

        if (frame == null) {
            assertThat(buffer.position()).as("nothing consumed").isEqualTo(alreadyConsumed);
        } else if (frame.broken() != null) {
            assertThat(buffer.position()).as("a broken stream consumes what was readable").isEqualTo(limit);
        } else {
            assertThat(frame.packet() != null || frame.rejected() != null).isTrue();
            assertThat(buffer.position()).as("one frame consumed")
                    .isEqualTo(alreadyConsumed + FrameCodec.HEADER_LENGTH + declared);
        }
    }
}
