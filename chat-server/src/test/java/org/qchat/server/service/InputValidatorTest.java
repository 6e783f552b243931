package org.qchat.server.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.server.config.Limits;

class InputValidatorTest {

    private final InputValidator validate = new InputValidator(Limits.defaults());

    @Test
    void lengthsCountCodePointsSoCjkAndEmojiCountOneEach() {
        String cjk32 = "测".repeat(32);
        String emoji32 = "😀".repeat(32);
        assertThatCode(() -> validate.nickname(cjk32)).doesNotThrowAnyException();
        assertThatCode(() -> validate.nickname(emoji32)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate.nickname(cjk32 + "测")).isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatThrownBy(() -> validate.nickname(emoji32 + "😀")).isInstanceOf(ChatException.class);
    }

    @Test
    void usernameAllowsAsciiLettersDigitsUnderscoreDotDashWithinLength() {
        assertThatCode(() -> validate.username("a_b.c-9")).doesNotThrowAnyException();
        assertThatCode(() -> validate.username("abc")).doesNotThrowAnyException();
        assertThatCode(() -> validate.username("a".repeat(32))).doesNotThrowAnyException();
        for (String bad : new String[] {"ab", "a".repeat(33), "al ice", "алиса", "测试用户", "a/b", "a@b", ""}) {
            assertThatThrownBy(() -> validate.username(bad)).as(bad).isInstanceOf(ChatException.class);
        }
    }

    @Test
    void passwordMustBeEightToOneHundredTwentyEightCharacters() {
        assertThatThrownBy(() -> validate.password("1234567")).isInstanceOf(ChatException.class);
        assertThatCode(() -> validate.password("12345678")).doesNotThrowAnyException();
        assertThatCode(() -> validate.password("密".repeat(128))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate.password("x".repeat(129))).isInstanceOf(ChatException.class);
    }

    @Test
    void emptyTextIsBadRequestAndOverlongTextIsTooLarge() {
        assertThatThrownBy(() -> validate.text("")).extracting(e -> ((ChatException) e).code())
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatCode(() -> validate.text("字".repeat(4000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate.text("字".repeat(4001))).extracting(e -> ((ChatException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void blankNicknameAndGroupNameAreRefusedButEmptySignatureIsFine() {
        assertThatThrownBy(() -> validate.nickname("   ")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> validate.groupName(" ")).isInstanceOf(ChatException.class);
        assertThatCode(() -> validate.signature("")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate.signature("s".repeat(129))).isInstanceOf(ChatException.class);
    }

    @Test
    void pageSizeDefaultsWhenAbsentAndIsRefusedOutOfRange() throws ChatException {
        org.assertj.core.api.Assertions.assertThat(validate.pageSize(null)).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThat(validate.pageSize(200)).isEqualTo(200);
        assertThatThrownBy(() -> validate.pageSize(0)).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> validate.pageSize(201)).isInstanceOf(ChatException.class);
    }

    @Test
    void configuredLimitsReplaceTheDefaults() {
        Limits small = new Limits(3, 32, 8, 128, 4, 128, 128, 32, 10, 500, 50, 50, 200, 20, 50);
        InputValidator strict = new InputValidator(small);
        assertThatThrownBy(() -> strict.nickname("12345")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> strict.text("12345678901")).extracting(e -> ((ChatException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void deviceIdsAreOptionalButMustBeShortAndPlain() {
        assertThatCode(() -> validate.device(null)).doesNotThrowAnyException();
        assertThatCode(() -> validate.device("laptop-1:x.y_z")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate.device("has space")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> validate.device("d".repeat(65))).isInstanceOf(ChatException.class);
    }
}
