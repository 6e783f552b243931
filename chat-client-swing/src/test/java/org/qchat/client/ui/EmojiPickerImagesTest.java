package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.qchat.client.ui.emoji.EmojiImages;
import org.qchat.client.ui.emoji.EmojiNames;
import org.qchat.client.ui.emoji.EmojiSegmenter;

/** Everything the emoji picker offers ships as a colour image with a name in both UI languages. */
class EmojiPickerImagesTest {

    @Test
    void everyEmojiThePickerOffersIsOneEmojiWithAnImageResource() throws Exception {
        for (String emoji : EmojiPicker.EMOJI) {
            assertThat(EmojiSegmenter.segments(emoji)).as(emoji).singleElement()
                    .matches(EmojiSegmenter.Segment::emoji);
            String resource = "/org/qchat/client/emoji/" + EmojiImages.key(emoji) + ".png";
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                assertThat(in).as("image of %s at %s", emoji, resource).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).as(emoji).isEqualTo(image.getHeight()).isGreaterThanOrEqualTo(32);
            }
            assertThat(EmojiImages.has(emoji)).as(emoji).isTrue();
        }
    }

    @Test
    void everyEmojiThePickerOffersHasANameInChineseAndInEnglish() {
        for (String emoji : EmojiPicker.EMOJI) {
            String zh = EmojiNames.of(emoji, Locale.SIMPLIFIED_CHINESE);
            String en = EmojiNames.of(emoji, Locale.ENGLISH);
            assertThat(zh).as(emoji).isNotBlank().isNotEqualTo(en);
            assertThat(en).as(emoji).isNotBlank();
        }
        assertThat(EmojiNames.of("👍", Locale.ENGLISH)).isEqualTo("thumbs up");
        assertThat(EmojiNames.of("👍", Locale.SIMPLIFIED_CHINESE)).isEqualTo("拇指向上");
    }

    @Test
    void everyEmojiInTheIndexHasItsImage() {
        for (String emoji : EmojiImages.all()) {
            assertThat(EmojiImages.source(emoji)).as(emoji).isNotNull();
        }
        assertThat(EmojiImages.all()).contains("👨\u200D👩\u200D👧", "🇨🇳", "1\u20E3");
    }
}
