package org.qchat.client.ui.media;

import java.awt.Color;
import java.awt.Cursor;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * Shows one image through a {@link Viewport}, where actual size (100%) puts one image pixel on
 * one screen pixel: a screenshot from a 200% screen looks as it did there, and sharp, rather than
 * twice as large and blurred. Ctrl+wheel zooms around the pointer, the wheel
 * scrolls (Shift+wheel sideways), dragging pans, a double-click switches between fit and actual
 * size at the point clicked. Tells {@code onChange} after every zoom so the toolbar can follow.
 */
final class ImageCanvas extends JComponent {

    private static final int CHECKER = 8;

    private final BufferedImage image;
    private final Viewport viewport;
    private final Runnable onChange;
    /** The image halved again and again, made when first needed: smooth at small zooms, cheap to draw. */
    private final List<BufferedImage> halves = new ArrayList<>();
    private Point dragFrom;

    /**
     * @param pixelsPerUnit the screen's pixels per unit (2 on a 200% screen), so that actual size
     *                      is one image pixel per screen pixel
     */
    ImageCanvas(BufferedImage image, double pixelsPerUnit, Runnable onChange) {
        this.image = image;
        this.viewport = new Viewport(image.getWidth() / pixelsPerUnit, image.getHeight() / pixelsPerUnit);
        this.onChange = onChange;
        halves.add(image);
        setName(ComponentNames.VIEWER_IMAGE);
        setOpaque(true);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e) && viewport.canPan()) {
                    dragFrom = e.getPoint();
                    setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (dragFrom != null) {
                    viewport.panBy(e.getX() - dragFrom.x, e.getY() - dragFrom.y);
                    dragFrom = e.getPoint();
                    repaint();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                dragFrom = null;
                updateCursor();
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e) && e.getClickCount() == 2) {
                    if (viewport.isFitted()) {
                        viewport.zoomTo(1, e.getX(), e.getY());
                    } else {
                        viewport.fit();
                    }
                    changed();
                }
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                wheel(e);
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    /** Every move and resize passes here; the viewport follows the new size at once. */
    @Override
    public void setBounds(int x, int y, int width, int height) {
        boolean resized = width != getWidth() || height != getHeight();
        super.setBounds(x, y, width, height);
        if (resized) {
            viewport.setView(width, height);
            changed();
        }
    }

    private void wheel(MouseWheelEvent e) {
        double notches = e.getPreciseWheelRotation();
        if (e.isControlDown() || e.isMetaDown()) {
            viewport.zoomBy(Math.pow(Viewport.STEP, -notches), e.getX(), e.getY());
            changed();
        } else if (e.isShiftDown()) {
            viewport.panBy(-notches * 60, 0);
            repaint();
        } else {
            viewport.panBy(0, -notches * 60);
            repaint();
        }
    }

    Viewport viewport() {
        return viewport;
    }

    void zoomIn() {
        viewport.zoomBy(Viewport.STEP, getWidth() / 2.0, getHeight() / 2.0);
        changed();
    }

    void zoomOut() {
        viewport.zoomBy(1 / Viewport.STEP, getWidth() / 2.0, getHeight() / 2.0);
        changed();
    }

    void fit() {
        viewport.fit();
        changed();
    }

    void actualSize() {
        viewport.actualSize();
        changed();
    }

    private void changed() {
        updateCursor();
        repaint();
        onChange.run();
    }

    private void updateCursor() {
        setCursor(viewport.canPan() ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : null);
    }

    static Color background() {
        return Theme.isDark() ? new Color(0x1E, 0x1F, 0x22) : new Color(0xE9, 0xEB, 0xEE);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setColor(background());
        g2.fillRect(0, 0, getWidth(), getHeight());
        Rectangle2D shown = new Rectangle2D.Double(viewport.x(), viewport.y(), viewport.shownWidth(),
                viewport.shownHeight());
        if (image.getColorModel().hasAlpha()) {
            g2.setPaint(checkerboard());
            g2.fill(shown);
        }
        // Screen pixels per image pixel.
        double deviceScale = shown.getWidth() * g2.getTransform().getScaleX() / image.getWidth();
        BufferedImage source = halfFor(deviceScale);
        // Far in, show the pixels as squares; otherwise blend them.
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, deviceScale >= 2
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform place = new AffineTransform();
        place.translate(shown.getX(), shown.getY());
        place.scale(shown.getWidth() / source.getWidth(), shown.getHeight() / source.getHeight());
        g2.drawImage(source, place, null);
        g2.dispose();
    }

    /** The smallest halving still at least as large as what the screen shows, so one bilinear step suffices. */
    private BufferedImage halfFor(double deviceScale) {
        int level = 0;
        double s = deviceScale;
        while (s < 0.5 && image.getWidth() >> (level + 1) > 0 && image.getHeight() >> (level + 1) > 0) {
            s *= 2;
            level++;
        }
        while (halves.size() <= level) {
            BufferedImage last = halves.get(halves.size() - 1);
            halves.add(Scaling.to(last, last.getWidth() / 2, last.getHeight() / 2));
        }
        return halves.get(level);
    }

    private static TexturePaint checkerboard() {
        BufferedImage tile = new BufferedImage(2 * CHECKER, 2 * CHECKER, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = tile.createGraphics();
        boolean dark = Theme.isDark();
        t.setColor(dark ? new Color(0x3A, 0x3C, 0x40) : Color.WHITE);
        t.fillRect(0, 0, 2 * CHECKER, 2 * CHECKER);
        t.setColor(dark ? new Color(0x30, 0x32, 0x36) : new Color(0xE2, 0xE4, 0xE8));
        t.fillRect(0, 0, CHECKER, CHECKER);
        t.fillRect(CHECKER, CHECKER, CHECKER, CHECKER);
        t.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, 2 * CHECKER, 2 * CHECKER));
    }
}
