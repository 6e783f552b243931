package org.qchat.client.ui.media;

import java.awt.Point;
import java.awt.Rectangle;

/**
 * The geometry of a screenshot's selection, apart from any window so that it can be tested:
 * a drag between two points becomes a rectangle inside the screen, a selection moves without
 * leaving it, and a selection in screen (logical) units becomes the pixels it covers in the
 * captured image, which on a HiDPI screen has more pixels than the screen has units.
 */
final class Selection {

    private Selection() {
    }

    /**
     * The rectangle a drag from {@code anchor} to {@code current} spans, whichever way the mouse
     * went, cut to {@code bounds}. Empty (zero width or height) for a click without a drag.
     */
    static Rectangle between(Point anchor, Point current, Rectangle bounds) {
        int left = clamp(Math.min(anchor.x, current.x), bounds.x, bounds.x + bounds.width);
        int right = clamp(Math.max(anchor.x, current.x), bounds.x, bounds.x + bounds.width);
        int top = clamp(Math.min(anchor.y, current.y), bounds.y, bounds.y + bounds.height);
        int bottom = clamp(Math.max(anchor.y, current.y), bounds.y, bounds.y + bounds.height);
        return new Rectangle(left, top, right - left, bottom - top);
    }

    /** The selection moved by (dx, dy) but kept whole inside {@code bounds}: it stops at the edge. */
    static Rectangle moved(Rectangle selection, int dx, int dy, Rectangle bounds) {
        int x = clamp(selection.x + dx, bounds.x, bounds.x + bounds.width - selection.width);
        int y = clamp(selection.y + dy, bounds.y, bounds.y + bounds.height - selection.height);
        return new Rectangle(x, y, selection.width, selection.height);
    }

    /**
     * The pixels of an image captured at {@code scale} image pixels per unit that a selection in
     * units covers. Edges round outwards, so a selection never loses a partly covered pixel row,
     * and the result stays inside the image.
     */
    static Rectangle toPixels(Rectangle selection, double scale, int imageWidth, int imageHeight) {
        int left = clamp((int) Math.floor(selection.x * scale), 0, imageWidth);
        int top = clamp((int) Math.floor(selection.y * scale), 0, imageHeight);
        int right = clamp((int) Math.ceil((selection.x + selection.width) * scale), 0, imageWidth);
        int bottom = clamp((int) Math.ceil((selection.y + selection.height) * scale), 0, imageHeight);
        return new Rectangle(left, top, right - left, bottom - top);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
