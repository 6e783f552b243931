package org.qchat.server.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the first frame of a PNG, JPEG, GIF or BMP at a reduced size, after checking from its header
 * alone that the picture is small enough to decode.
 *
 * <p>What bounds the work and the memory, whatever the file claims:
 * <ul>
 *   <li>the size comes from the header ({@link ImageReader#getWidth}), before any pixel is decoded,
 *       and a picture of more than {@code maxPixels} pixels is refused: a few kilobytes of PNG can
 *       claim 30,000 × 30,000;
 *   <li>neither side may pass {@value #MAX_SIDE} pixels, since decoders keep whole rows: a
 *       50,000,000 × 1 picture is within the default pixel limit, yet one row of it in 16-bit RGBA
 *       takes 400 MB;
 *   <li>pixels are decoded with source subsampling, keeping every n-th row and column, so the image
 *       in memory is at most about {@code maxDecodedSide} on its longest side, for a big photo too;
 *   <li>only frame 0 is read, and the reader may only seek forward and skips metadata: it never walks
 *       the other frames of an animation or the chunks it does not need;
 *   <li>the input's time limit ({@link TimedFileInput}) stops decoders that are kept busy.
 * </ul>
 * A picture the decoder warns about (cut short, corrupt data skipped) is refused as malformed.
 *
 * <p>One cost that subsampling does not bound: to decode a progressive JPEG, libjpeg keeps the
 * coefficients of the whole picture in native memory (some 2 to 6 bytes a pixel), so there only
 * {@code maxPixels} bounds it.
 *
 * <p>Thread-safe: each call uses a reader of its own.
 */
final class PictureDecoder {

    /** As large a side as JPEG can have; larger sides are only seen in pictures built to do harm. */
    static final int MAX_SIDE = 65_535;

    private final long maxPixels;
    private final int maxDecodedSide;
    /** ImageIO's readers for a MIME type; a test's own, to play a decoder gone wrong. */
    private final Function<String, Iterator<ImageReader>> readers;

    /** A picture's size and its pixels, subsampled. */
    record Picture(int width, int height, BufferedImage pixels) {
    }

    PictureDecoder(long maxPixels, int maxDecodedSide) {
        this(maxPixels, maxDecodedSide, ImageIO::getImageReadersByMIMEType);
    }

    PictureDecoder(long maxPixels, int maxDecodedSide, Function<String, Iterator<ImageReader>> readers) {
        this.maxPixels = maxPixels;
        this.maxDecodedSide = maxDecodedSide;
        this.readers = readers;
    }

    /**
     * Decodes frame 0 of {@code input}, a file of type {@code mime}; null if its header claims more
     * pixels, or a longer side, than allowed. Throws {@link IOException} or a runtime exception for
     * content that is not a well-formed picture of that type: decoders throw whatever they throw.
     */
    Picture decode(ImageInputStream input, String mime) throws IOException {
        ImageReader reader = readerFor(mime);
        try {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (!withinLimits(width, height)) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(Math.max(width, height));
            param.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage pixels = reader.read(0, param);
            if (!warnings.isEmpty()) {
                // A decoder warns where it made up pixels: a file cut short (the rest painted grey),
                // corrupt data it skipped. That is a damaged file, better sent as a file than shown.
                throw new IIOException("damaged " + mime + ": " + warnings.get(0));
            }
            return new Picture(width, height, pixels);
        } finally {
            reader.dispose();
        }
    }

    boolean withinLimits(int width, int height) {
        return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
                && (long) width * height <= maxPixels;
    }

    /** Keep every n-th row and column, n the smallest that brings {@code longestSide} within the bound. */
    int subsampling(int longestSide) {
        return Math.max(1, (longestSide + maxDecodedSide - 1) / maxDecodedSide);
    }

    private ImageReader readerFor(String mime) throws IIOException {
        Iterator<ImageReader> found = readers.apply(mime);
        if (!found.hasNext()) {
            throw new IIOException("no image reader for " + mime);
        }
        return found.next();
    }
}
