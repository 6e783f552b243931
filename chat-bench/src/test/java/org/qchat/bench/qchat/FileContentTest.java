package org.qchat.bench.qchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FileContentTest {

    private final FileContent content = FileContent.random(3, 1000);

    @Test
    void eachVariantIsNamedByTheSha256OfItsOwnBytes() throws Exception {
        for (long variant : new long[] {0, 1, 41, Long.MAX_VALUE}) {
            byte[] bytes = content.bytes(variant);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

            assertThat(content.sha256(variant)).as("variant %d", variant).isEqualTo(expected);
        }
    }

    @Test
    void variantsDifferOnlyInTheirLastEightBytes() {
        byte[] first = content.bytes(1);
        byte[] second = content.bytes(2);

        assertThat(Arrays.copyOf(first, 992)).isEqualTo(Arrays.copyOf(second, 992)).isEqualTo(Arrays.copyOf(content.block(), 992));
        assertThat(Arrays.copyOfRange(second, 992, 1000)).containsExactly(0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(content.sha256(1)).isNotEqualTo(content.sha256(2));
    }

    @Test
    void piecesPutBackTogetherAreTheVariantWhereverTheyCutTheTail() {
        for (int cut : new int[] {1, 500, 992, 995, 999}) {
            ByteBuffer out = ByteBuffer.allocate(1000);

            content.put(7, 0, cut, out);
            content.put(7, cut, 1000 - cut, out);

            assertThat(out.array()).as("cut at %d", cut).isEqualTo(content.bytes(7));
        }
    }

    @Test
    void theSameSeedMakesTheSameFile() {
        assertThat(FileContent.random(3, 1000).sha256(0)).isEqualTo(content.sha256(0));
        assertThat(content.hashNanos()).isPositive();
    }

    @Test
    void aFileMustHaveRoomForTheVariantNumber() {
        assertThatThrownBy(() -> FileContent.random(3, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
