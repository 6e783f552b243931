package org.qchat.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;

import org.junit.jupiter.api.Test;

class CjkSpacingTest {

    private static String format(String pattern, Object... args) {
        return new MessageFormat(CjkSpacing.fit(pattern, args)).format(args);
    }

    @Test
    void chineseNamesSitBetweenChineseWordsWithoutSpaces() {
        assertThat(format("{0} 邀请 {1} 加入了群聊", "你", "张伟")).isEqualTo("你邀请张伟加入了群聊");
        assertThat(format("{0} 撤回了一条消息", "李华")).isEqualTo("李华撤回了一条消息");
    }

    @Test
    void latinNamesAndNumbersKeepTheirSpaces() {
        assertThat(format("{0} 邀请 {1} 加入了群聊", "Alice", "Bob")).isEqualTo("Alice 邀请 Bob 加入了群聊");
        assertThat(format("{0} 邀请 {1} 加入了群聊", "你", "Bob")).isEqualTo("你邀请 Bob 加入了群聊");
        assertThat(format("{0} 将 {1} 禁言至 {2}", "你", "张伟", "14:30")).isEqualTo("你将张伟禁言至 14:30");
    }

    @Test
    void spacesAwayFromPlaceholdersAndBesideLatinTextStay() {
        assertThat(format("共 {0} 人", 3)).isEqualTo("共 3 人");
        assertThat(format("Hello {0} 你好", "张伟")).isEqualTo("Hello 张伟你好");
        assertThat(format("{0} 已读", "")).isEqualTo(" 已读");
    }
}
