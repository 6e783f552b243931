package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.qchat.protocol.FuzzInputs.TRIES;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.testing.Fuzz;

/**
 * Property-based fuzzing of the packet layer: random JSON objects shaped like packets, and random
 * arguments for every packet record's constructor. A well-formed JSON object is never a framing
 * error: it becomes a valid packet or a {@code BAD_REQUEST} rejection, and nothing else can come out
 * of it. Whatever is accepted survives a round trip through the encoder unchanged.
 *
 * <p>Each property runs {@value FuzzInputs#TRIES} tries through {@link Fuzz}, which prints the seed;
 * the split between accepted and rejected tries is printed as {@code [fuzz] ... outcomes} lines.
 */
class PacketFuzzTest {

    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    private final PacketMapper mapper = new PacketMapper();

    @AfterAll
    static void printOutcomes() {
        System.out.printf("[fuzz] PacketFuzzTest outcomes: %s%n", OUTCOMES);
    }

    private static synchronized void collect(String property, String outcome) {
        OUTCOMES.merge(property + "." + outcome, 1, Integer::sum);
    }

    @Test
    void aRandomJsonObjectIsAValidPacketOrABadRequestAndNothingElse() {
        Fuzz.run("PacketFuzzTest.randomJsonObjects", TRIES, random -> {
            String json = new RandomPackets(random.nextLong()).jsonObject();
            Packet packet;
            try {
                packet = mapper.read(json.getBytes(StandardCharsets.UTF_8));
            } catch (PacketException e) {
                collect("randomJsonObjects", "rejected");
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                return;
            } catch (FrameException e) {
                fail("a well-formed JSON object was treated as a broken frame (%s): %s", e.getMessage(), json);
                return;
            }
            collect("randomJsonObjects", "accepted");
            assertThat(json).contains("\"" + packet.type() + "\"");
            assertRoundTrip(packet);
        });
    }

    @Test
    void aPacketConstructorAcceptsOrRefusesWithIllegalArgumentExceptionOnly() {
        Fuzz.run("PacketFuzzTest.constructors", TRIES, seeded -> {
            RandomPackets random = new RandomPackets(seeded.nextLong());
            Class<? extends Packet> type = random.packetType();
            Packet packet;
            try {
                packet = random.construct(type, 0);
            } catch (IllegalArgumentException e) {
                collect("constructors", "refused");
                return;
            }
            collect("constructors", "accepted");
            assertRoundTrip(packet);
        });
    }

    /** Encodes and decodes {@code packet}; the result must equal it. */
    private void assertRoundTrip(Packet packet) {
        byte[] body = mapper.write(packet);
        try {
            assertThat(mapper.read(body)).as("round trip of %s", packet.type()).isEqualTo(packet);
        } catch (FrameException | PacketException e) {
            fail("%s does not survive its own encoding (%s): %s", packet.type(), e.getMessage(),
                    new String(body, StandardCharsets.UTF_8));
        }
    }
}
