package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void usernamesFollowTheServersRules() {
        assertThat(Validation.username("alice_01.x-y")).isEmpty();
        assertThat(Validation.username("abc")).isEmpty();
        assertThat(Validation.username("a".repeat(32))).isEmpty();
        assertThat(Validation.username("ab")).contains("validation.username.length");
        assertThat(Validation.username("a".repeat(33))).contains("validation.username.length");
        assertThat(Validation.username("with space")).contains("validation.username.chars");
        assertThat(Validation.username("张三丰")).contains("validation.username.chars");
        assertThat(Validation.username("")).contains("validation.username.required");
    }

    @Test
    void passwordsAreCountedInCodePoints() {
        assertThat(Validation.password("12345678")).isEmpty();
        assertThat(Validation.password("1234567")).contains("validation.password.length");
        assertThat(Validation.password("🔑🔑🔑🔑🔑🔑🔑🔑")).as("8 emoji are 8 characters").isEmpty();
        assertThat(Validation.password("x".repeat(129))).contains("validation.password.length");
        assertThat(Validation.password("")).contains("validation.password.required");
    }

    @Test
    void nicknamesAreOneToThirtyTwoCodePointsAndNotBlank() {
        assertThat(Validation.nickname("小明")).isEmpty();
        assertThat(Validation.nickname("😀".repeat(32))).isEmpty();
        assertThat(Validation.nickname("😀".repeat(33))).contains("validation.nickname.length");
        assertThat(Validation.nickname("   ")).contains("validation.nickname.blank");
    }

    @Test
    void messagesAreOneToFourThousandCodePoints() {
        assertThat(Validation.messageText("hi")).isEmpty();
        assertThat(Validation.messageText(" \n ")).contains("validation.text.empty");
        assertThat(Validation.messageText("字".repeat(4000))).isEmpty();
        assertThat(Validation.messageText("字".repeat(4001))).contains("validation.text.length");
    }

    @Test
    void otherFieldsHaveTheirLimits() {
        assertThat(Validation.signature("")).isEmpty();
        assertThat(Validation.signature("s".repeat(129))).contains("validation.signature.length");
        assertThat(Validation.note("n".repeat(128))).isEmpty();
        assertThat(Validation.groupName(" ")).contains("validation.groupName.blank");
        assertThat(Validation.groupName("g".repeat(33))).contains("validation.groupName.length");
        assertThat(Validation.query("q".repeat(33))).contains("validation.query.length");
    }
}
