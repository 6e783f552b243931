package org.qchat.client.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A picture of mine being sent, as my own message shows it before the server has made its
 * thumbnail: a small copy, the original's size in pixels (for the thumbnail's shape, so that it
 * does not change when the server's thumbnail arrives) and, for a file from disk, where the
 * original is (for the viewer).
 *
 * @param preview at most {@link #PREVIEW_SIDE} pixels on its longer side: sharp on a 200% screen
 * @param file    the original on disk; null for pixels that are not a file (a paste, a screenshot)
 */
record LocalPicture(BufferedImage preview, int width, int height, Path file) {

    /** Twice the largest thumbnail (240 units), for screens of 200%. */
    static final int PREVIEW_SIDE = 480;

    /** The preview of pixels in memory. Scaling a large picture takes a moment: call it off the Swing thread. */
    static LocalPicture of(BufferedImage image) {
        return new LocalPicture(shrink(image, PREVIEW_SIDE), image.getWidth(), image.getHeight(), null);
    }

    /**
     * Reads a picture file's size and a preview, decoding only every n-th pixel of a large one (a
     * 20 MiB photo decoded whole would take hundreds of megabytes). Blocks: call it off the
     * Swing thread. Null if the file is not a picture Java can read.
     */
    static LocalPicture read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * PREVIEW_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                return new LocalPicture(shrink(decoded, PREVIEW_SIDE), width, height, file);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code image} fitted into {@code side}×{@code side}, in its own shape; itself if it fits already. */
    static BufferedImage shrink(BufferedImage image, int side) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= side) {
            return image;
        }
        BufferedImage current = image;
        // Halving first keeps a large picture from shimmering in one big bilinear step.
        while (Math.max(current.getWidth(), current.getHeight()) / 2 >= side) {
            current = scaled(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2));
        }
        if (Math.max(current.getWidth(), current.getHeight()) == side) {
            return current;
        }
        double s = (double) side / Math.max(current.getWidth(), current.getHeight());
        return scaled(current, Math.max(1, (int) Math.round(current.getWidth() * s)),
                Math.max(1, (int) Math.round(current.getHeight() * s)));
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
