package org.qchat.client.ui.media;

import java.awt.Dimension;

/**
 * How large a thumbnail is shown: the original's shape at its natural size, but at most
 * {@link #MAX} on its longer side, and at least {@link #MIN} on each side so that a panorama or
 * a tiny image still gives something to click (cropped to fill, rather than a sliver).
 */
final class ThumbnailSize {

    static final int MAX = 240;
    static final int MIN = 48;
    /** For an image whose size nobody told us: a common photo shape. */
    static final Dimension UNKNOWN = new Dimension(200, 150);

    private ThumbnailSize() {
    }

    static Dimension of(int width, int height) {
        if (width <= 0 || height <= 0) {
            return new Dimension(UNKNOWN);
        }
        double s = Math.min(1, (double) MAX / Math.max(width, height));
        int w = (int) Math.round(width * s);
        int h = (int) Math.round(height * s);
        return new Dimension(Math.max(MIN, w), Math.max(MIN, h));
    }
}
