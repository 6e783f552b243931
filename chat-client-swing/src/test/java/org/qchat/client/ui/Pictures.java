package org.qchat.client.ui;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Pictures made by code for the GUI tests and the screenshot tour, so that they need no image files. */
final class Pictures {

    private Pictures() {
    }

    /**
     * Mountains under a morning sky with a lake in front: gradients and hard edges, like a photo,
     * the same pixels every time. {@code warm} gives a sunset instead of a clear blue morning.
     */
    static BufferedImage mountains(int width, int height, boolean warm) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, warm ? new Color(0x2B, 0x3A, 0x7A) : new Color(0x3D, 0x8B, 0xD9),
                0, height * 0.6f, warm ? new Color(0xF7, 0x9C, 0x4B) : new Color(0xCF, 0xE8, 0xF7)));
        g.fillRect(0, 0, width, height);
        g.setColor(warm ? new Color(0xFF, 0xE0, 0x8A) : new Color(0xFF, 0xF6, 0xD5));
        int sun = Math.min(width, height) / 6;
        g.fillOval(width * 2 / 3, (int) (height * 0.18), sun, sun);
        g.setColor(warm ? new Color(0x5A, 0x3E, 0x5E) : new Color(0x6B, 0x7F, 0x99));
        g.fillPolygon(new int[] {0, width / 5, width * 2 / 5, width * 3 / 5, width * 4 / 5, width, width, 0},
                new int[] {(int) (height * 0.55), (int) (height * 0.3), (int) (height * 0.48), (int) (height * 0.22),
                        (int) (height * 0.42), (int) (height * 0.35), height, height}, 8);
        g.setColor(warm ? new Color(0x3B, 0x2A, 0x4A) : new Color(0x2F, 0x6B, 0x3F));
        g.fillPolygon(new int[] {0, width / 3, width * 2 / 3, width, width, 0},
                new int[] {(int) (height * 0.66), (int) (height * 0.52), (int) (height * 0.64), (int) (height * 0.56),
                        height, height}, 6);
        g.setPaint(new GradientPaint(0, height * 0.74f,
                warm ? new Color(0x4A, 0x5F, 0x9E) : new Color(0x5A, 0xA9, 0xD6),
                0, height, warm ? new Color(0x1C, 0x24, 0x48) : new Color(0x1F, 0x5E, 0x8C)));
        g.fillRect(0, (int) (height * 0.74), width, height);
        g.dispose();
        return image;
    }
}
