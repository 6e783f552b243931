package org.qchat.client.ui.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** On a scaled screen an emoji is drawn from a copy made for the device pixels, not blown up from the logical size. */
class EmojiIconTest {

    @Test
    void atTwoHundredPercentA16PixelEmojiShowsThe32PixelImage() {
        BufferedImage screen = paintAtScale(new EmojiIcon("🎉", 16), 2);

        BufferedImage sharp = EmojiImages.scaled("🎉", 32);
        BufferedImage blownUp = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = blownUp.createGraphics();
        g.drawImage(EmojiImages.scaled("🎉", 16), 0, 0, 32, 32, null);
        g.dispose();

        assertThat(difference(screen, sharp)).as("against the 32 px image").isLessThan(2.0);
        assertThat(difference(screen, blownUp)).as("against the 16 px image blown up").isGreaterThan(8.0);
    }

    private static BufferedImage paintAtScale(EmojiIcon icon, double scale) {
        int side = (int) Math.round(icon.getIconWidth() * scale);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.scale(scale, scale);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return image;
    }

    /** The mean absolute difference per channel, 0–255, over the pixels that are not transparent in both. */
    private static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if ((p >>> 24) == 0 && (q >>> 24) == 0) {
                    continue;
                }
                for (int shift = 0; shift <= 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
                count += 4;
            }
        }
        return count == 0 ? 0 : sum / (double) count;
    }
}
