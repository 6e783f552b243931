package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.FileInfo;

class PictureCacheTest {

    private final PictureCache cache = new PictureCache();

    @Test
    void aThumbnailIsDecodedOnceForEveryMessageOfTheSameFile() throws IOException {
        String jpeg = jpeg(Pictures.mountains(240, 160, false));
        FileInfo first = image("f1", "a.png", jpeg);
        FileInfo sameFileAgain = image("f1", "copy of a.png", jpeg);

        BufferedImage decoded = cache.thumbnail(first);

        assertThat(decoded.getWidth()).isEqualTo(240);
        assertThat(cache.thumbnail(sameFileAgain)).isSameAs(decoded);
    }

    @Test
    void noThumbnailOrAnUnreadableOneGivesNone() {
        assertThat(cache.thumbnail(image("f2", "a.png", null))).isNull();
        assertThat(cache.thumbnail(image("f3", "a.png", "not base64!"))).isNull();
        assertThat(cache.thumbnail(image("f4", "a.png", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))))
                .isNull();
        assertThat(cache.thumbnail(null)).isNull();
    }

    @Test
    void aPreviewOfMineIsKeptByMessageAndItsArrivalIsToldToWhoeverListens() {
        List<String> told = new ArrayList<>();
        Consumer<String> listener = told::add;
        cache.addListener(listener);
        LocalPicture picture = LocalPicture.of(Pictures.mountains(100, 80, true));

        cache.keepLocal("m1", picture);
        cache.removeListener(listener);
        cache.keepLocal("m2", picture);

        assertThat(cache.local("m1")).isSameAs(picture);
        assertThat(cache.local("m3")).isNull();
        assertThat(cache.local(null)).isNull();
        assertThat(told).containsExactly("m1");
    }

    @Test
    void onlyTheMostRecentPreviewsAreKept() {
        LocalPicture picture = LocalPicture.of(Pictures.mountains(10, 10, true));
        for (int i = 0; i <= 40; i++) {
            cache.keepLocal("m" + i, picture);
        }

        assertThat(cache.local("m0")).isNull();
        assertThat(cache.local("m1")).isNotNull();
        assertThat(cache.local("m40")).isNotNull();
    }

    private static FileInfo image(String fileId, String name, String thumb) {
        return new FileInfo(fileId, name, 1000, "image/png", 1200, 800, thumb);
    }

    private static String jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
