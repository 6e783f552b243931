package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.protocol.FuzzInputs.TRIES;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.testing.Fuzz;

/**
 * Property-based fuzzing of {@link FrameCodec#decode}: whatever bytes arrive, decoding yields a
 * packet, a {@link PacketException}, a {@link FrameException} or "not yet" — never any other
 * exception; it consumes exactly one frame or nothing; and it never allocates more than a small
 * multiple of the bytes that actually arrived, whatever length the header declares (nothing at all
 * until a declared body, up to the maximum frame length, has arrived in full).
 *
 * <p>The codec here has a 4 KiB limit so that random lengths fall on both sides of it. Each property
 * runs {@value FuzzInputs#TRIES} tries through {@link Fuzz}, which prints a {@code [fuzz] ...} line
 * with the count and the seed (a failure names the seed to rerun it with).
 */
class FrameDecoderFuzzTest {

    private static final int MAX_FRAME = 4096;
    /**
     * Allocation allowed per decode: a fixed allowance for the JSON parser's buffers and the packet,
     * plus a multiple of the bytes that arrived (the body copy, its decoded string, the JSON tree).
     * A decoder that sized a buffer by the declared length would blow it on the first header-only
     * input that declares {@value #MAX_FRAME} bytes.
     */
    private static final long ALLOCATION_BASE = 64 * 1024;
    private static final long ALLOCATION_PER_INPUT_BYTE = 16;
    /** For the header-only property: a limit large enough that allocating by it would show at once. */
    private static final int HUGE_MAX_FRAME = 64 * 1024 * 1024;

    private final FrameCodec codec = new FrameCodec(new PacketMapper(), MAX_FRAME);
    private final FrameCodec hugeCodec = new FrameCodec(new PacketMapper(), HUGE_MAX_FRAME);

    private static long maxAllocation;

    @AfterAll
    static void printAllocation() {
        System.out.printf("[fuzz] FrameDecoderFuzzTest: at most %d bytes allocated by one decode%n", maxAllocation);
    }

    @Test
    void anyInputDecodesToAPacketARejectionABrokenStreamOrNothingYet() {
        Fuzz.run("FrameDecoderFuzzTest.anyInput", TRIES,
                random -> decodeOnceAndCheck(FuzzInputs.hostileInput(random, MAX_FRAME)));
    }

    @Test
    void mutatedValidFramesDecodeToAPacketARejectionABrokenStreamOrNothingYet() {
        Fuzz.run("FrameDecoderFuzzTest.mutatedValidFrames", TRIES,
                random -> decodeOnceAndCheck(FuzzInputs.mutatedFrame(random)));
    }

    @Test
    void aTruncatedFrameConsumesNothingAndTheCompleteOneConsumesExactlyItself() {
        Fuzz.run("FrameDecoderFuzzTest.truncatedFrames", TRIES, random -> {
            WireVectors.Vector vector = FuzzInputs.vector(random);
            byte[] frame = FuzzInputs.frameOf(vector);
            int cut = random.nextInt(frame.length);
            byte[] following = FuzzInputs.bytes(random, 0, 64);

            ByteBuffer partial = ByteBuffer.wrap(java.util.Arrays.copyOf(frame, cut));
            assertThat(codec.decode(partial)).as("%d of %d bytes", cut, frame.length).isNull();
            assertThat(partial.position()).isZero();

            ByteBuffer whole = ByteBuffer.wrap(FuzzInputs.concat(frame, following));
            assertThat(codec.decode(whole)).isEqualTo(vector.packet());
            assertThat(whole.position()).as("consumed exactly one frame").isEqualTo(frame.length);
        });
    }

    @Test
    void aHeaderDeclaringUpToTheLimitAllocatesNothingUntilItsWholeBodyHasArrived() {
        Fuzz.run("FrameDecoderFuzzTest.headerOnly", TRIES, random -> {
            int declared = declaredLength(random);
            int available = random.nextInt(4097) % declared;
            byte[] input = FuzzInputs.concat(FuzzInputs.header(declared),
                    FuzzInputs.seededBytes(random.nextLong(), available));
            ByteBuffer in = ByteBuffer.wrap(input);

            long before = FuzzInputs.allocatedBytes();
            Packet packet = hugeCodec.decode(in);
            long allocated = FuzzInputs.allocatedBytes() - before;

            assertThat(packet).isNull();
            assertThat(in.position()).isZero();
            assertThat(allocated).as("bytes allocated for a header declaring %d bytes with %d present", declared,
                    available).isLessThanOrEqualTo(1024);
        });
    }

    /** 1..{@value #HUGE_MAX_FRAME}: the edges, small lengths (so some bodies are nearly there), or anything. */
    private static int declaredLength(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextBoolean() ? 1 : HUGE_MAX_FRAME;
            case 1, 2 -> 1 + random.nextInt(8192);
            default -> 1 + random.nextInt(HUGE_MAX_FRAME);
        };
    }

    /**
     * Decodes once and checks the outcome and what was consumed; then decodes the same input again
     * to check what was allocated (the first decode down a new path also loads classes, which
     * allocates; the codec is stateless, so the second decode is the steady state).
     */
    private void decodeOnceAndCheck(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        int declared = input.length >= FrameCodec.HEADER_LENGTH ? ByteBuffer.wrap(input).getInt() : -1;
        boolean headerValid = declared >= 1 && declared <= MAX_FRAME;
        int wholeFrame = FrameCodec.HEADER_LENGTH + declared;
        String outcome = decode(in);
        long before = FuzzInputs.allocatedBytes();
        String again = decode(ByteBuffer.wrap(input));
        long allocated = FuzzInputs.allocatedBytes() - before;
        assertThat(again).as("the same input decoded twice").isEqualTo(outcome);
        maxAllocation = Math.max(maxAllocation, allocated);

        assertThat(allocated).as("bytes allocated decoding %d input bytes (%s)", input.length, outcome)
                .isLessThanOrEqualTo(ALLOCATION_BASE + ALLOCATION_PER_INPUT_BYTE * input.length);
        switch (outcome) {
            case "nothing yet" -> {
                assertThat(in.position()).as("consumed").isZero();
                assertThat(input.length < FrameCodec.HEADER_LENGTH || headerValid && input.length < wholeFrame)
                        .as("a whole frame was there (declared %d, have %d)", declared, input.length).isTrue();
            }
            case "packet", "rejected" -> {
                assertThat(headerValid).isTrue();
                assertThat(in.position()).as("consumed").isEqualTo(wholeFrame);
            }
            default -> assertThat(in.position()).as("consumed by a broken frame (declared %d)", declared)
                    .isEqualTo(headerValid ? wholeFrame : 0);
        }
    }

    private String decode(ByteBuffer in) {
        try {
            Packet packet = codec.decode(in);
            return packet == null ? "nothing yet" : "packet";
        } catch (PacketException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            return "rejected";
        } catch (FrameException e) {
            assertThat(e.code()).isIn(ErrorCode.BAD_REQUEST, ErrorCode.TOO_LARGE);
            return "broken";
        }
    }
}
