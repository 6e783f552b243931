package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

class MiddleEllipsisTest {

    /** Ten units a code point, the ellipsis too: easy to count. */
    private static final ToIntFunction<String> MONO = s -> 10 * s.codePointCount(0, s.length());

    @Test
    void aNameThatFitsIsLeftAlone() {
        assertThat(MiddleEllipsis.fit("report.pdf", 100, MONO)).isEqualTo("report.pdf");
    }

    @Test
    void aLongNameLosesItsMiddleAndKeepsItsExtension() {
        String name = "quarterly-report-2025-final-version.pdf";

        String shown = MiddleEllipsis.fit(name, 200, MONO);

        assertThat(shown).isEqualTo("quarterly-rep…on.pdf");
        assertThat(MONO.applyAsInt(shown)).isLessThanOrEqualTo(200);
    }

    @Test
    void withoutAnExtensionAboutAThirdOfWhatIsKeptIsTheEnd() {
        assertThat(MiddleEllipsis.fit("abcdefghijklmnopqrstuvwxyz", 100, MONO)).isEqualTo("abcdef…xyz");
    }

    @Test
    void theResultIsAsWideAsPossibleButNeverWider() {
        String name = "IMG_20250312_141502_HDR_edited_and_cropped_for_the_album.jpeg";
        for (int width = 10; width < MONO.applyAsInt(name); width += 7) {
            String shown = MiddleEllipsis.fit(name, width, MONO);
            assertThat(MONO.applyAsInt(shown)).isLessThanOrEqualTo(Math.max(width, 10));
            assertThat(MONO.applyAsInt(shown)).isGreaterThan(width - 10);
        }
    }

    @Test
    void codePointsOutsideTheBasicPlaneAreNeverSplit() {
        String name = "😀😀😀😀😀😀😀😀😀😀😀😀.txt";

        String shown = MiddleEllipsis.fit(name, 90, MONO);

        assertThat(shown).isEqualTo("😀😀😀😀….txt");
        assertThat(shown.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                .isTrue();
    }

    @Test
    void whenNothingFitsOnlyTheEllipsisRemains() {
        assertThat(MiddleEllipsis.fit("report.pdf", 5, MONO)).isEqualTo("…");
    }
}
