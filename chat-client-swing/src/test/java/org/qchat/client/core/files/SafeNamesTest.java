package org.qchat.client.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeNamesTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheLastPartOfAPathIsKept() {
        assertThat(SafeNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeNames.clean("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
        assertThat(SafeNames.clean("/")).isEqualTo(SafeNames.FALLBACK);
    }

    @Test
    void dotsAndSpacesAtTheEndsGoSoNothingIsHiddenOrClimbsUp() {
        assertThat(SafeNames.clean("..")).isEqualTo(SafeNames.FALLBACK);
        assertThat(SafeNames.clean(".bashrc")).isEqualTo("bashrc");
        assertThat(SafeNames.clean("  report.pdf. . ")).isEqualTo("report.pdf");
        assertThat(SafeNames.clean("a..b.txt")).as("dots inside are harmless").isEqualTo("a..b.txt");
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreDropped() {
        assertThat(SafeNames.clean("a\u0000b\u0007c\td\ne\u007f.txt")).isEqualTo("abcde.txt");
        assertThat(SafeNames.clean("invoice\u202Efdp.exe")).as("no right-to-left override").isEqualTo("invoicefdp.exe");
        assertThat(SafeNames.clean("\u200Bsecret\u2028.txt")).isEqualTo("secret.txt");
    }

    @Test
    void windowsReservedCharactersAndDeviceNamesAreDefused() {
        assertThat(SafeNames.clean("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
        assertThat(SafeNames.clean("CON")).isEqualTo("_CON");
        assertThat(SafeNames.clean("con.txt")).isEqualTo("_con.txt");
        assertThat(SafeNames.clean("Lpt9.tar.gz")).isEqualTo("_Lpt9.tar.gz");
        assertThat(SafeNames.clean("console.txt")).isEqualTo("console.txt");
    }

    @Test
    void chineseAndEmojiNamesStayAsTheyAre() {
        assertThat(SafeNames.clean("会议纪要 📄.docx")).isEqualTo("会议纪要 📄.docx");
    }

    @Test
    void aLongNameIsCutToTwoHundredBytesKeepingItsExtension() {
        String cut = SafeNames.clean("文".repeat(300) + ".pdf");

        assertThat(cut).endsWith(".pdf");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SafeNames.MAX_BYTES);
        assertThat(cut).startsWith("文文");
    }

    @Test
    void numberedNamesGoBeforeTheExtension() {
        assertThat(SafeNames.numbered("a.pdf", 1)).isEqualTo("a (1).pdf");
        assertThat(SafeNames.numbered("archive.tar.gz", 2)).isEqualTo("archive.tar (2).gz");
        assertThat(SafeNames.numbered("README", 3)).isEqualTo("README (3)");
        assertThat(SafeNames.numbered("a.pdf", 0)).isEqualTo("a.pdf");
    }

    @Test
    void aNewFileTakesTheFirstFreeName() throws IOException {
        Files.writeString(dir.resolve("a.pdf"), "x");
        Files.writeString(dir.resolve("a (1).pdf.part"), "x");

        assertThat(SafeNames.createNew(dir, "a.pdf", "")).isEqualTo(dir.resolve("a (1).pdf"));
        assertThat(SafeNames.createNew(dir, "a.pdf", ".part")).isEqualTo(dir.resolve("a.pdf.part"));
        assertThat(SafeNames.createNew(dir, "a.pdf", ".part")).isEqualTo(dir.resolve("a (2).pdf.part"));
    }

    @Test
    void nothingIsWrittenOutsideTheFolderWhateverTheName() {
        assertThatThrownBy(() -> SafeNames.inside(dir, "../x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SafeNames.inside(dir, "sub/x")).isInstanceOf(IOException.class);
    }
}
