package org.qchat.client.ui.emoji;

import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import javax.swing.Icon;

/**
 * One emoji as a square icon of {@code size} logical pixels. On a scaled (HiDPI) screen it draws
 * a copy scaled to the device pixels it covers, so it is sharp at 150% and 200%, not a blown-up
 * small picture.
 */
public final class EmojiIcon implements Icon {

    private final String emoji;
    private final int size;

    /** An icon for an emoji that {@link EmojiImages#has has} an image. */
    public EmojiIcon(String emoji, int size) {
        this.emoji = emoji;
        this.size = size;
    }

    public String emoji() {
        return emoji;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        double scale = Math.max(g2.getTransform().getScaleX(), g2.getTransform().getScaleY());
        BufferedImage image = EmojiImages.scaled(emoji, (int) Math.round(size * Math.max(1, scale)));
        if (image != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.drawImage(image, x, y, size, size, null);
        }
        g2.dispose();
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
