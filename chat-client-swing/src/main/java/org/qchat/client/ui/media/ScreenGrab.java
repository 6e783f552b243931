package org.qchat.client.ui.media;

import java.awt.AWTException;
import java.awt.Graphics2D;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every screen at once, as one image at the screens' own pixel density: {@code bounds} is the
 * union of the screens in desktop units, {@code scale} how many image pixels one unit holds (2 on
 * a 200% screen). A screen with fewer pixels per unit than the densest is stretched to match.
 */
record ScreenGrab(BufferedImage image, Rectangle bounds, double scale) {

    /** One screen's pixels and where it sits on the desktop. */
    record Shot(Rectangle bounds, Image pixels) {
    }

    /** Grabs all screens. Blocks for a moment: call off the event thread. */
    static ScreenGrab everyScreen() throws AWTException {
        Robot robot = new Robot();
        List<Shot> shots = new ArrayList<>();
        for (GraphicsDevice screen : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            Rectangle bounds = screen.getDefaultConfiguration().getBounds();
            // The multi-resolution capture keeps the device pixels; the plain one scales them down to units.
            MultiResolutionImage capture = robot.createMultiResolutionScreenCapture(bounds);
            Image sharpest = capture.getResolutionVariants().stream()
                    .max(Comparator.comparingInt(v -> v.getWidth(null)))
                    .orElseThrow();
            shots.add(new Shot(bounds, sharpest));
        }
        return compose(shots);
    }

    static ScreenGrab compose(List<Shot> shots) {
        Rectangle union = new Rectangle(shots.get(0).bounds());
        double scale = 1;
        for (Shot shot : shots) {
            union = union.union(shot.bounds());
            scale = Math.max(scale, (double) shot.pixels().getWidth(null) / shot.bounds().width);
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(union.width * scale),
                (int) Math.ceil(union.height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (Shot shot : shots) {
            Rectangle b = shot.bounds();
            g.drawImage(shot.pixels(), (int) Math.round((b.x - union.x) * scale),
                    (int) Math.round((b.y - union.y) * scale), (int) Math.ceil(b.width * scale),
                    (int) Math.ceil(b.height * scale), null);
        }
        g.dispose();
        return new ScreenGrab(image, union, scale);
    }

    /** The pixels under a selection given in units from the grab's top-left corner, as an image of their own. */
    BufferedImage crop(Rectangle selection) {
        Rectangle px = pixels(selection);
        BufferedImage out = new BufferedImage(Math.max(1, px.width), Math.max(1, px.height),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, -px.x, -px.y, null);
        g.dispose();
        return out;
    }

    /** The image pixels a selection in units covers. */
    Rectangle pixels(Rectangle selection) {
        return Selection.toPixels(selection, scale, image.getWidth(), image.getHeight());
    }
}
