package org.qchat.client.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void theMatchIsMarkedInItsOriginalCaseWithContextAndEllipses() {
        Snippet s = Snippet.around("We talked about the project phoenix plans for next week at length", "PHOENIX", 10);

        assertThat(s.match()).isEqualTo("phoenix");
        assertThat(s.beforeMatch()).isEqualTo("…e project ");
        assertThat(s.afterMatch()).isEqualTo(" plans for…");
    }

    @Test
    void chineseIsCutByCharactersAndShortTextIsShownWhole() {
        Snippet s = Snippet.around("Project Phoenix 项目组\n下周开会", "项目", 40);

        assertThat(s.text()).isEqualTo("Project Phoenix 项目组 下周开会");
        assertThat(s.match()).isEqualTo("项目");
        assertThat(s.beforeMatch()).isEqualTo("Project Phoenix ");
    }

    @Test
    void emojiAroundTheMatchAreNeverSplit() {
        Snippet s = Snippet.around("😀😀😀 hi 😀😀😀", "hi", 2);

        assertThat(s.text()).isEqualTo("…😀 hi 😀…");
    }

    @Test
    void withoutAMatchTheStartOfTheTextIsShown() {
        Snippet s = Snippet.around("nothing here to see", "zzz", 3);

        assertThat(s.hasMatch()).isFalse();
        assertThat(s.text()).isEqualTo("nothin…");
    }
}
