package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.testing.Fuzz;

/** The allocation-free UTF-8 check agrees with the JDK's strict decoder, byte for byte. */
class Utf8Test {

    /** Bytes near the edges of UTF-8's rules: leads, continuations, overlongs, surrogates, limits. */
    private static final int[] INTERESTING = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
            0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Fuzz.run("Utf8Test.random", FuzzInputs.TRIES * 10, random -> {
            byte[] bytes = new byte[random.nextInt(0, 9)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            }
            assertThat(Utf8.isWellFormed(bytes)).as("%s", hex(bytes)).isEqualTo(jdkAccepts(bytes));
        });
    }

    @Test
    void acceptsEveryCodePointAndRejectsEverySurrogateEncoded() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            byte[] encoded = encode(cp);
            assertThat(Utf8.isWellFormed(encoded)).as("U+%04X", cp).isEqualTo(jdkAccepts(encoded));
        }
    }

    /** UTF-8 of a code point as the bit pattern gives it, also for surrogates (which the JDK refuses to decode). */
    private static byte[] encode(int cp) {
        if (cp < 0x80) {
            return new byte[] {(byte) cp};
        }
        if (cp < 0x800) {
            return new byte[] {(byte) (0xC0 | cp >> 6), (byte) (0x80 | cp & 0x3F)};
        }
        if (cp < 0x10000) {
            return new byte[] {(byte) (0xE0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
        }
        return new byte[] {(byte) (0xF0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3F), (byte) (0x80 | cp >> 6 & 0x3F),
                (byte) (0x80 | cp & 0x3F)};
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X ", b));
        }
        return s.toString().trim();
    }
}
