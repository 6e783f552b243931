package org.qchat.client.ui.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Emoji graphemes are found whole in mixed Chinese, Latin and emoji text, and nothing else is. */
class EmojiSegmenterTest {

    private static final String FAMILY = "👨\u200D👩\u200D👧";
    private static final String CHINA_FLAG = "🇨🇳";
    private static final String KEYCAP_ONE = "1\uFE0F\u20E3";
    private static final String RED_HEART = "❤\uFE0F";

    /** The text split as the segmenter splits it, emoji in [brackets]. */
    private static String marked(String text) {
        StringBuilder out = new StringBuilder();
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            out.append(s.emoji() ? "[" + s.of(text) + "]" : s.of(text));
        }
        return out.toString();
    }

    @Test
    void chineseTextFollowedByTwoEmojiGivesTextThenEachEmoji() {
        List<EmojiSegmenter.Segment> segments = EmojiSegmenter.segments("好的👍🎉");
        assertThat(segments).containsExactly(
                new EmojiSegmenter.Segment(0, 2, false),
                new EmojiSegmenter.Segment(2, 4, true),
                new EmojiSegmenter.Segment(4, 6, true));
    }

    @Test
    void aZwjFamilyIsOneEmojiAmongLatinAndChineseText() {
        assertThat(marked("my " + FAMILY + " 全家")).isEqualTo("my [" + FAMILY + "] 全家");
    }

    @Test
    void twoRegionalIndicatorsAreOneFlagAndAThirdStartsAnother() {
        assertThat(marked("去" + CHINA_FLAG + "了")).isEqualTo("去[" + CHINA_FLAG + "]了");
        assertThat(marked(CHINA_FLAG + "🇯🇵")).isEqualTo("[" + CHINA_FLAG + "][🇯🇵]");
    }

    @Test
    void aKeycapIsOneEmojiButAPlainDigitStaysText() {
        assertThat(marked("第" + KEYCAP_ONE + "名 and 1st")).isEqualTo("第[" + KEYCAP_ONE + "]名 and 1st");
        assertThat(marked("#\u20E3")).isEqualTo("[#\u20E3]");
    }

    @Test
    void theEmojiVariationSelectorStaysWithItsEmoji() {
        assertThat(marked("I" + RED_HEART + "u")).isEqualTo("I[" + RED_HEART + "]u");
        assertThat(marked("❤🔥")).isEqualTo("[❤][🔥]");
        assertThat(marked("❤\uFE0F\u200D🔥!")).isEqualTo("[❤\uFE0F\u200D🔥]!");
    }

    @Test
    void theTextVariationSelectorLeavesTheSymbolToTheFont() {
        assertThat(marked("☀\uFE0E ok")).isEqualTo("☀\uFE0E ok");
    }

    @Test
    void aSkinToneStaysWithTheHandItColours() {
        assertThat(marked("好👍🏽")).isEqualTo("好[👍🏽]");
    }

    @Test
    void textWithoutEmojiIsOneUntouchedRun() {
        String text = "你好, world! 100% (ok) — “quoted” 1+1=2 #tag *star*";
        assertThat(EmojiSegmenter.segments(text)).containsExactly(new EmojiSegmenter.Segment(0, text.length(), false));
        assertThat(EmojiSegmenter.hasEmoji(text)).isFalse();
        assertThat(EmojiSegmenter.segments("")).isEmpty();
    }

    @Test
    void theRunsCoverTheWholeTextInOrder() {
        String text = "a👍b" + FAMILY + CHINA_FLAG + KEYCAP_ONE + "中" + RED_HEART;
        StringBuilder joined = new StringBuilder();
        int end = 0;
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            assertThat(s.start()).isEqualTo(end);
            joined.append(s.of(text));
            end = s.end();
        }
        assertThat(joined.toString()).isEqualTo(text);
    }
}
