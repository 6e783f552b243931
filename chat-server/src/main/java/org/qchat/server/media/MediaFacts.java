package org.qchat.server.media;

import java.util.Objects;

/**
 * What {@link MediaInspector} found out about a file from its bytes.
 *
 * @param mime      the type sniffed from the content, such as {@code image/png} or
 *                  {@code application/octet-stream}; never null
 * @param image     whether the file is a picture the server could read within its limits, and so may
 *                  be sent as an image message
 * @param width     pixels across, for an image; 0 otherwise
 * @param height    pixels down, for an image; 0 otherwise
 * @param thumbJpeg a JPEG of the image at most {@code thumbMaxSide} pixels on its longest side and at
 *                  most {@code maxThumbBytes} long; null if not an image, or if no such JPEG could be made
 */
public record MediaFacts(String mime, boolean image, int width, int height, byte[] thumbJpeg) {

    public MediaFacts {
        Objects.requireNonNull(mime, "mime");
    }

    /** Facts of a file that is not a readable image: only its type. */
    public static MediaFacts notAnImage(String mime) {
        return new MediaFacts(mime, false, 0, 0, null);
    }
}
