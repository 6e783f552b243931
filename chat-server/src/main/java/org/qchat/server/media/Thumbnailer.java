package org.qchat.server.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the small JPEG a chat shows in place of an image: the picture's proportions, at most
 * {@code maxSide} pixels on its longest side (never enlarged), transparency laid on white (JPEG has
 * none, and black behind a transparent logo reads as a different picture), at most {@code maxBytes}.
 *
 * <p>Quality: the picture is halved with bilinear filtering until within twice the target and then
 * scaled once more: one bilinear step from four times the size would skip most source pixels and
 * alias. The JPEG starts at quality {@value #FIRST_QUALITY_PERCENT}% and steps down by
 * {@value #QUALITY_STEP_PERCENT} until it fits.
 *
 * <p>Works headless: it draws into images only, never on a screen. Thread-safe.
 */
final class Thumbnailer {

    static final int FIRST_QUALITY_PERCENT = 85;
    static final int QUALITY_STEP_PERCENT = 10;

    private final int maxSide;
    private final int maxBytes;

    Thumbnailer(int maxSide, int maxBytes) {
        this.maxSide = maxSide;
        this.maxBytes = maxBytes;
    }

    /**
     * The thumbnail of a {@code width} × {@code height} picture whose pixels, possibly subsampled, are
     * {@code pixels}; null if not even the lowest quality fits in {@code maxBytes}.
     */
    byte[] jpeg(BufferedImage pixels, int width, int height) throws IOException {
        int longest = Math.max(width, height);
        int targetWidth = width;
        int targetHeight = height;
        if (longest > maxSide) {
            targetWidth = Math.max(1, (int) Math.round((double) width * maxSide / longest));
            targetHeight = Math.max(1, (int) Math.round((double) height * maxSide / longest));
        }
        BufferedImage thumbnail = scale(onWhite(pixels), targetWidth, targetHeight);
        return encode(thumbnail);
    }

    private static BufferedImage onWhite(BufferedImage pixels) {
        BufferedImage rgb = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(pixels, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scale(BufferedImage image, int targetWidth, int targetHeight) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = draw(current, targetWidth, targetHeight);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            for (int quality = FIRST_QUALITY_PERCENT; quality > 0; quality -= QUALITY_STEP_PERCENT) {
                byte[] jpeg = encode(writer, image, quality / 100f);
                if (jpeg.length <= maxBytes) {
                    return jpeg;
                }
            }
            return null;
        } finally {
            writer.dispose();
        }
    }

    private static byte[] encode(ImageWriter writer, BufferedImage image, float quality) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (param instanceof JPEGImageWriteParam jpegParam) {
            jpegParam.setOptimizeHuffmanTables(true);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return bytes.toByteArray();
    }
}
