package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThumbnailSizeTest {

    @ParameterizedTest(name = "{0}x{1} shows as {2}x{3}")
    @CsvSource({
            "1600, 1200, 240, 180",
            "900, 1600, 135, 240",
            "240, 240, 240, 240",
            "120, 90, 120, 90",
            "3000, 300, 240, 48",
            "20, 20, 48, 48",
            "0, 0, 200, 150",
            "-1, 500, 200, 150",
    })
    void theOriginalsShapeAtMost240AndAtLeast48(int width, int height, int shownWidth, int shownHeight) {
        assertThat(ThumbnailSize.of(width, height)).isEqualTo(new Dimension(shownWidth, shownHeight));
    }
}
