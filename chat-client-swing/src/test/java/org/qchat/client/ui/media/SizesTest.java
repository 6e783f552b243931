package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qchat.client.i18n.I18n;

class SizesTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0 B",
            "12, 12 B",
            "999, 999 B",
            "1000, 1.0 KB",
            "1024, 1.0 KB",
            "1536, 1.5 KB",
            "10188, 9.9 KB",
            "10240, 10 KB",
            "544768, 532 KB",
            "1022976, 999 KB",
            "1023488, 1.0 MB",
            "1258291, 1.2 MB",
            "48500000, 46 MB",
            "104857600, 100 MB",
            "2147483648, 2.0 GB",
            "9223372036854775807, 8.0 EB",
    })
    void sizesReadAsPeopleWriteThem(long bytes, String expected) {
        assertThat(Sizes.human(bytes)).isEqualTo(expected);
    }

    @Test
    void chineseUsesTheSameUnitsAndTheDecimalPointWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            I18n.use(Locale.SIMPLIFIED_CHINESE);
            assertThat(Sizes.human(1_258_291)).isEqualTo("1.2 MB");
            assertThat(Sizes.perSecond(1_258_291)).isEqualTo("1.2 MB/s");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aNegativeSizeIsAMistake() {
        assertThatThrownBy(() -> Sizes.human(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
