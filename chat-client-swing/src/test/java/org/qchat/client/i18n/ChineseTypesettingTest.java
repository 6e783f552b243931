package org.qchat.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Chinese sets no space between Chinese characters, nor beside full-width punctuation: a space
 * there reads as a typing slip ("删除 好友", "好友 ，"). Spaces beside Latin words and numbers stay.
 */
class ChineseTypesettingTest {

    private static final String FULL_WIDTH = "，。！？：；、（）“”‘’《》【】…";
    private static final Pattern BETWEEN_HAN = Pattern.compile("\\p{IsHan}\\s+\\p{IsHan}");
    private static final Pattern BESIDE_PUNCTUATION =
            Pattern.compile("\\s+[" + FULL_WIDTH + "]|[" + FULL_WIDTH + "]\\s+");

    private final ResourceBundle chinese = I18n.load(Locale.SIMPLIFIED_CHINESE);

    @Test
    void noChineseTextHasASpaceBetweenCharactersOrBesideFullWidthPunctuation() {
        List<String> slips = new ArrayList<>();
        for (String key : chinese.keySet()) {
            String text = chinese.getString(key);
            if (BETWEEN_HAN.matcher(text).find() || BESIDE_PUNCTUATION.matcher(text).find()) {
                slips.add(key + "=" + text);
            }
        }
        assertThat(slips).isEmpty();
    }

    @Test
    void theRulesCatchTheSlipsTheyAreFor() {
        assertThat(BETWEEN_HAN.matcher("删除 好友").find()).isTrue();
        assertThat(BESIDE_PUNCTUATION.matcher("好友 ，再见").find()).isTrue();
        assertThat(BESIDE_PUNCTUATION.matcher("（ 3）").find()).isTrue();
        assertThat(BETWEEN_HAN.matcher("{0} 名成员").find()).isFalse();
    }
}
