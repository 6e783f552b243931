package org.qchat.client.ui.media;

/**
 * Where an image sits in the viewer's window and how large: the zoom and pan arithmetic, kept
 * apart from painting so that it can be tested. Coordinates are the window's; {@code x}, {@code
 * y} is where the image's top-left corner lands, possibly off the window.
 *
 * <p>"Fit" never enlarges: a small image fits at its actual size. While the image is smaller than
 * the window along an axis it is centred along that axis; while it is larger it can be panned,
 * but never so far that a gap opens between its edge and the window's.
 */
final class Viewport {

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 32;
    /** One step of the zoom buttons, keys and wheel. */
    static final double STEP = 1.25;

    private final double imageWidth;
    private final double imageHeight;
    private int viewWidth;
    private int viewHeight;
    private double scale = 1;
    private double x;
    private double y;
    private boolean fitted = true;

    /** An image {@code imageWidth} × {@code imageHeight} units large at scale 1 (its actual size). */
    Viewport(double imageWidth, double imageHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("empty image " + imageWidth + "x" + imageHeight);
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /** The window was resized: a fitted image fits again, a zoomed one keeps its scale. */
    void setView(int width, int height) {
        viewWidth = Math.max(1, width);
        viewHeight = Math.max(1, height);
        if (fitted) {
            fit();
        } else {
            keepInView();
        }
    }

    void fit() {
        fitted = true;
        scale = fitScale();
        keepInView();
        centre();
    }

    /** Scale 1, the image's actual size, zoomed around the window's centre. */
    void actualSize() {
        zoomTo(1, viewWidth / 2.0, viewHeight / 2.0);
    }

    /** Zooms by {@code factor} keeping the image point under (anchorX, anchorY) where it is. */
    void zoomBy(double factor, double anchorX, double anchorY) {
        zoomTo(scale * factor, anchorX, anchorY);
    }

    void zoomTo(double newScale, double anchorX, double anchorY) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, newScale));
        double imageX = (anchorX - x) / scale;
        double imageY = (anchorY - y) / scale;
        scale = s;
        x = anchorX - imageX * s;
        y = anchorY - imageY * s;
        fitted = false;
        keepInView();
    }

    void panBy(double dx, double dy) {
        x += dx;
        y += dy;
        keepInView();
    }

    /** Whether the image is larger than the window, so that dragging moves it. */
    boolean canPan() {
        return imageWidth * scale > viewWidth + 0.5 || imageHeight * scale > viewHeight + 0.5;
    }

    double fitScale() {
        if (viewWidth == 0 || viewHeight == 0) {
            return 1;
        }
        return Math.min(1, Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
    }

    boolean isFitted() {
        return fitted;
    }

    double scale() {
        return scale;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double shownWidth() {
        return imageWidth * scale;
    }

    double shownHeight() {
        return imageHeight * scale;
    }

    private void centre() {
        x = (viewWidth - shownWidth()) / 2;
        y = (viewHeight - shownHeight()) / 2;
    }

    private void keepInView() {
        x = axis(x, shownWidth(), viewWidth);
        y = axis(y, shownHeight(), viewHeight);
    }

    private static double axis(double position, double shown, int view) {
        if (shown <= view) {
            return (view - shown) / 2;
        }
        return Math.max(view - shown, Math.min(0, position));
    }
}
