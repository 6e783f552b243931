package org.qchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.server.service.ChatException;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathElement() throws Exception {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.clean("dir/")).isEqualTo("file");
    }

    @Test
    void dropsControlAndFormatCharactersAndLeadingDots() throws Exception {
        assertThat(FileNames.clean("\u202Efdp.exe")).as("right-to-left override").isEqualTo("fdp.exe");
        assertThat(FileNames.clean("a\u0000b\nc\td.txt")).isEqualTo("abcd.txt");
        assertThat(FileNames.clean("..hidden")).isEqualTo("hidden");
        assertThat(FileNames.clean(" . .x ")).isEqualTo("x");
        assertThat(FileNames.clean("..")).isEqualTo("file");
    }

    @Test
    void keepsWhatPeopleWrite() throws Exception {
        assertThat(FileNames.clean("项目计划 v2 (final).docx")).isEqualTo("项目计划 v2 (final).docx");
        assertThat(FileNames.clean("👋🏽 hello.png")).isEqualTo("👋🏽 hello.png");
        assertThat(FileNames.clean("😀".repeat(255))).hasSize(510);
    }

    @Test
    void refusesEmptyAndTooLongNames() {
        assertThatThrownBy(() -> FileNames.clean("")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> FileNames.clean("😀".repeat(256))).isInstanceOf(ChatException.class)
                .hasMessageContaining("255");
    }
}
