package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPictureTest {

    @TempDir
    Path dir;

    @Test
    void aLargePictureInMemoryKeepsItsSizeAndShapeButAPreviewOfAtMost480Pixels() {
        LocalPicture picture = LocalPicture.of(Pictures.mountains(1600, 1200, false));

        assertThat(picture.width()).isEqualTo(1600);
        assertThat(picture.height()).isEqualTo(1200);
        assertThat(picture.preview().getWidth()).isEqualTo(480);
        assertThat(picture.preview().getHeight()).isEqualTo(360);
        assertThat(picture.file()).isNull();
    }

    @Test
    void aSmallPictureIsItsOwnPreview() {
        BufferedImage small = Pictures.mountains(200, 120, true);

        assertThat(LocalPicture.of(small).preview()).isSameAs(small);
    }

    @Test
    void aPictureFileIsReadForItsSizeAndAPreviewAndRemembersWhereItIs() throws IOException {
        Path file = dir.resolve("tall.png");
        ImageIO.write(Pictures.mountains(900, 2700, false), "png", file.toFile());

        LocalPicture picture = LocalPicture.read(file);

        assertThat(picture).isNotNull();
        assertThat(picture.width()).isEqualTo(900);
        assertThat(picture.height()).isEqualTo(2700);
        assertThat(picture.preview().getHeight()).isEqualTo(480);
        assertThat(picture.preview().getWidth()).isEqualTo(160);
        assertThat(picture.file()).isEqualTo(file);
    }

    @Test
    void aFileThatIsNoPictureHasNoPreview() throws IOException {
        assertThat(LocalPicture.read(Files.writeString(dir.resolve("a.png"), "text"))).isNull();
        assertThat(LocalPicture.read(dir.resolve("missing.png"))).isNull();
    }
}
