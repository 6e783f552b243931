package org.qchat.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out what an uploaded file is from its bytes, never from its name: its type, and for a picture
 * its size and a thumbnail. Content is hostile until proven otherwise: a file that is malformed, too
 * large to decode, slow to decode, or that makes a decoder throw (even {@link OutOfMemoryError}) is
 * simply not an image, and is then sent as a file.
 *
 * <p>Order of work: the type is sniffed from the first {@value #HEAD_BYTES} bytes
 * ({@link #sniffMime}); only PNG, JPEG, GIF and BMP go on to {@link PictureDecoder}, which checks the
 * header's size before decoding a subsampled first frame; {@link Thumbnailer} makes the JPEG.
 *
 * <p>Memory: a decoded picture is at most about 4 × {@code thumbMaxSide} on its longest side (some
 * 4 MB for 240), for a 50-megapixel photo too; ImageIO reads the file in place, with no cache.
 *
 * <p>Threads: thread-safe; calls block on the disk and on decoding, for up to the time limit (10 s by
 * default) each, so they belong on a worker pool, and how many run at once is up to that pool. Nothing
 * global is set: it works headless and leaves ImageIO's settings alone.
 */
public final class MediaInspector {

    /** Enough for every signature, and for a fair look at whether a file is text. */
    static final int HEAD_BYTES = 8 * 1024;
    /** Decoded pixels are kept to this many times the thumbnail: room for good downscaling, no more. */
    static final int DECODE_TO_THUMB_RATIO = 4;
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(MediaInspector.class);
    private static final Set<String> DECODED = Set.of(MimeSniffer.PNG, MimeSniffer.JPEG, MimeSniffer.GIF,
            MimeSniffer.BMP);

    private final PictureDecoder decoder;
    private final Thumbnailer thumbnailer;
    private final long timeLimitNanos;
    private final LongSupplier nanoTime;

    /**
     * @param maxPixels     pictures of more pixels (width × height, from the header) are not decoded
     *                      and not images
     * @param thumbMaxSide  the thumbnail's longest side at most (240 for the protocol)
     * @param maxThumbBytes the thumbnail's JPEG at most (48 KiB for the protocol)
     */
    public MediaInspector(long maxPixels, int thumbMaxSide, int maxThumbBytes) {
        this(maxPixels, thumbMaxSide, maxThumbBytes, DEFAULT_TIME_LIMIT, System::nanoTime);
    }

    /**
     * As {@link #MediaInspector(long, int, int)}, with how long one file may take to decode, as measured
     * by {@code nanoTime} (a test's clock; {@link System#nanoTime} otherwise).
     */
    public MediaInspector(long maxPixels, int thumbMaxSide, int maxThumbBytes, Duration timeLimit,
                          LongSupplier nanoTime) {
        this(new PictureDecoder(maxPixels, decodedSide(thumbMaxSide)), new Thumbnailer(thumbMaxSide, maxThumbBytes),
                timeLimit, nanoTime);
        if (maxPixels < 1 || maxThumbBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: maxPixels " + maxPixels + ", maxThumbBytes "
                    + maxThumbBytes);
        }
    }

    /** With a decoder of the test's choosing. */
    MediaInspector(PictureDecoder decoder, Thumbnailer thumbnailer, Duration timeLimit, LongSupplier nanoTime) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + timeLimit);
        }
        this.decoder = decoder;
        this.thumbnailer = thumbnailer;
        this.timeLimitNanos = timeLimit.toNanos();
        this.nanoTime = nanoTime;
    }

    /** How large a side to decode for thumbnails of {@code thumbMaxSide}. */
    static int decodedSide(int thumbMaxSide) {
        if (thumbMaxSide < 1) {
            throw new IllegalArgumentException("thumbMaxSide must be positive: " + thumbMaxSide);
        }
        return Math.multiplyExact(DECODE_TO_THUMB_RATIO, thumbMaxSide);
    }

    /**
     * MIME type sniffed from the first bytes: image/png, image/jpeg, image/gif, image/bmp, image/webp,
     * application/pdf, application/zip, text/plain for valid UTF-8 text without NULs, else
     * application/octet-stream (also for no bytes at all). {@code head[0..length)} are the file's first
     * bytes; a few hundred tell the signatures, a few thousand make the text verdict fair.
     */
    public static String sniffMime(byte[] head, int length) {
        return MimeSniffer.sniff(head, length);
    }

    /**
     * Inspects a stored file. For png/jpeg/gif/bmp: reads width/height from the header WITHOUT decoding
     * pixels; if width*height > maxPixels, or anything is malformed, returns facts with image=false
     * (never throws for bad content, never decodes a bomb). Otherwise decodes with source subsampling,
     * scales to ≤ thumbMaxSide on the longest side, flattens alpha onto white and encodes a JPEG of at
     * most maxThumbBytes. Other types are never images (WebP included: there is no decoder for it here).
     *
     * @throws IOException only when the file itself cannot be read (absent, or a failing disk)
     */
    public MediaFacts inspect(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        String mime = sniffMime(head, length);
        if (!DECODED.contains(mime)) {
            return MediaFacts.notAnImage(mime);
        }
        try (TimedFileInput input = new TimedFileInput(file, nanoTime.getAsLong() + timeLimitNanos, nanoTime)) {
            try {
                return picture(input, mime);
            } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // The two errors are what crafted content provokes in a decoder; once it has let go of
                // its arrays or its stack the JVM is whole again. Any other Error is not ours to hide.
                if (input.readFailure() != null) {
                    throw input.readFailure();
                }
                log.debug("{} ({}) is not an image that can be read: {}", file, mime, e.toString());
                return MediaFacts.notAnImage(mime);
            }
        }
    }

    private MediaFacts picture(TimedFileInput input, String mime) throws IOException {
        PictureDecoder.Picture picture = decoder.decode(input, mime);
        if (picture == null) {
            return MediaFacts.notAnImage(mime);
        }
        byte[] thumb = thumbnailer.jpeg(picture.pixels(), picture.width(), picture.height());
        return new MediaFacts(mime, true, picture.width(), picture.height(), thumb);
    }
}
