package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTypeIconTest {

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(value = {
            "Report.PDF | pdf",
            "archive.tar.gz | gz",
            "README | ''",
            ".bashrc | ''",
            "trailing. | ''",
            "notes v1.2 final | ''",
            "照片.JPEG | jpeg",
    }, delimiter = '|')
    void theExtensionIsTheLastDottedPartInLowerCase(String name, String extension) {
        assertThat(FileTypeIcon.extension(name)).isEqualTo(extension);
    }

    @Test
    void theLabelIsTheExtensionInCapitalsWhenItIsShort() {
        assertThat(new FileTypeIcon("a.pdf", 44).label()).isEqualTo("PDF");
        assertThat(new FileTypeIcon("a.docx", 44).label()).isEqualTo("DOCX");
        assertThat(new FileTypeIcon("a.torrent", 44).label()).isEmpty();
        assertThat(new FileTypeIcon("Makefile", 44).label()).isEmpty();
    }

    @Test
    void kindsHaveTheirColoursAndUnknownOnesAreGrey() {
        assertThat(FileTypeIcon.colorOf("pdf")).isEqualTo(new Color(0xE5, 0x48, 0x3D));
        assertThat(FileTypeIcon.colorOf("docx")).isEqualTo(FileTypeIcon.colorOf("doc"));
        assertThat(FileTypeIcon.colorOf("zip")).isNotEqualTo(FileTypeIcon.colorOf("pdf"));
        assertThat(FileTypeIcon.colorOf("xyz")).isEqualTo(FileTypeIcon.colorOf(""));
    }

    @Test
    void theIconIsADocumentInItsColourWithAFoldedCorner() {
        FileTypeIcon icon = new FileTypeIcon("report.pdf", 48);
        assertThat(icon.getIconWidth()).isEqualTo(40);
        BufferedImage image = new BufferedImage(40, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        icon.paintIcon(null, g, 0, 0);
        g.dispose();

        assertThat(new Color(image.getRGB(5, 10), true)).isEqualTo(icon.color());
        assertThat(new Color(image.getRGB(39, 0), true).getAlpha()).as("the cut corner is empty").isZero();
        assertThat(new Color(image.getRGB(30, 10), true)).as("the fold is lighter").isNotEqualTo(icon.color());
    }
}
