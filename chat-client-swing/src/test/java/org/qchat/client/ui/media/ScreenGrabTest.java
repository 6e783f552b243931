package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScreenGrabTest {

    @Test
    void screensSideBySideMakeOneImageAtTheDensestScale() {
        // A 100% screen on the left, a 200% one on its right.
        ScreenGrab grab = ScreenGrab.compose(List.of(
                new ScreenGrab.Shot(new Rectangle(0, 0, 100, 50), filled(100, 50, Color.RED)),
                new ScreenGrab.Shot(new Rectangle(100, 0, 100, 50), filled(200, 100, Color.BLUE))));

        assertThat(grab.bounds()).isEqualTo(new Rectangle(0, 0, 200, 50));
        assertThat(grab.scale()).isEqualTo(2);
        assertThat(grab.image().getWidth()).isEqualTo(400);
        assertThat(grab.image().getHeight()).isEqualTo(100);
        assertThat(grab.image().getRGB(100, 50)).isEqualTo(Color.RED.getRGB());
        assertThat(grab.image().getRGB(300, 50)).isEqualTo(Color.BLUE.getRGB());
    }

    @Test
    void aScreenLeftOfThePrimaryOneMovesTheOrigin() {
        ScreenGrab grab = ScreenGrab.compose(List.of(
                new ScreenGrab.Shot(new Rectangle(0, 0, 100, 50), filled(100, 50, Color.RED)),
                new ScreenGrab.Shot(new Rectangle(-80, 10, 80, 60), filled(80, 60, Color.GREEN))));

        assertThat(grab.bounds()).isEqualTo(new Rectangle(-80, 0, 180, 70));
        assertThat(grab.image().getRGB(40, 40)).isEqualTo(Color.GREEN.getRGB());
        assertThat(grab.image().getRGB(120, 20)).isEqualTo(Color.RED.getRGB());
        assertThat(grab.image().getRGB(120, 65)).as("below the shorter screen: nothing")
                .isEqualTo(Color.BLACK.getRGB());
    }

    @Test
    void aCropHasTheScreensFullPixelDensity() {
        ScreenGrab grab = ScreenGrab.compose(List.of(
                new ScreenGrab.Shot(new Rectangle(0, 0, 100, 50), filled(200, 100, Color.BLUE))));

        BufferedImage crop = grab.crop(new Rectangle(10, 10, 30, 20));

        assertThat(crop.getWidth()).isEqualTo(60);
        assertThat(crop.getHeight()).isEqualTo(40);
        assertThat(crop.getRGB(59, 39)).isEqualTo(Color.BLUE.getRGB());
    }

    @Test
    void aCropIsACopySoTheGrabCanBeDropped() {
        ScreenGrab grab = ScreenGrab.compose(List.of(
                new ScreenGrab.Shot(new Rectangle(0, 0, 10, 10), filled(10, 10, Color.RED))));

        BufferedImage crop = grab.crop(new Rectangle(0, 0, 5, 5));
        grab.image().setRGB(0, 0, Color.WHITE.getRGB());

        assertThat(crop.getRGB(0, 0)).isEqualTo(Color.RED.getRGB());
    }

    static BufferedImage filled(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }
}
