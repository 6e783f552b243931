package org.qchat.client.ui.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

import javax.swing.UIManager;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.Theme;

/**
 * What an {@link ImageThumbnail} paints besides the picture: the placeholder, and the dimmed
 * progress ring or retry button centred on it. White on a dark veil, readable on any picture.
 */
final class ThumbnailOverlay {

    private static final Color VEIL = new Color(0, 0, 0, 100);

    private ThumbnailOverlay() {
    }

    /** A tinted box with a framed mountain and sun: "a picture goes here". */
    static void paintPlaceholder(Graphics2D g2, RoundRectangle2D shape) {
        g2.setColor(Theme.isDark() ? new Color(0x3C, 0x40, 0x45) : new Color(0xE4, 0xE7, 0xEB));
        g2.fill(shape);
        double w = shape.getWidth();
        double h = shape.getHeight();
        double s = Math.min(36, Math.min(w, h) / 2);
        if (s < 12) {
            return;
        }
        Graphics2D g = (Graphics2D) g2.create();
        g.translate((w - s) / 2, (h - s * 0.8) / 2);
        g.setColor(Theme.secondaryText());
        g.setStroke(new BasicStroke((float) Math.max(1.5, s / 18)));
        g.draw(new RoundRectangle2D.Double(0, 0, s, s * 0.8, s * 0.15, s * 0.15));
        Path2D hills = new Path2D.Double();
        hills.moveTo(s * 0.12, s * 0.68);
        hills.lineTo(s * 0.38, s * 0.38);
        hills.lineTo(s * 0.58, s * 0.58);
        hills.lineTo(s * 0.7, s * 0.47);
        hills.lineTo(s * 0.88, s * 0.68);
        hills.closePath();
        g.fill(hills);
        g.fill(new Ellipse2D.Double(s * 0.64, s * 0.16, s * 0.16, s * 0.16));
        g.dispose();
    }

    /** A ring filling clockwise from the top, × in its middle (cancel), the percentage under it if there is room. */
    static void paintProgress(Graphics2D g2, RoundRectangle2D shape, int d, double fraction, boolean hovered) {
        veil(g2, shape);
        double cx = shape.getCenterX();
        double cy = shape.getCenterY();
        Ellipse2D ring = new Ellipse2D.Double(cx - d / 2.0, cy - d / 2.0, d, d);
        if (hovered) {
            g2.setColor(new Color(255, 255, 255, 50));
            g2.fill(ring);
        }
        g2.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.setColor(new Color(255, 255, 255, 80));
        g2.draw(ring);
        g2.setColor(Color.WHITE);
        g2.draw(new Arc2D.Double(ring.getBounds2D(), 90, -360 * fraction, Arc2D.OPEN));
        double c = d * 0.16;
        g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(cx - c, cy - c, cx + c, cy + c));
        g2.draw(new Line2D.Double(cx + c, cy - c, cx - c, cy + c));
        caption(g2, shape, d, (int) Math.floor(fraction * 100) + "%");
    }

    /** A round button with a circular arrow, "Retry" under it if there is room. */
    static void paintRetry(Graphics2D g2, RoundRectangle2D shape, int d, boolean hovered) {
        veil(g2, shape);
        double cx = shape.getCenterX();
        double cy = shape.getCenterY();
        g2.setColor(hovered ? new Color(0, 0, 0, 170) : new Color(0, 0, 0, 120));
        g2.fill(new Ellipse2D.Double(cx - d / 2.0, cy - d / 2.0, d, d));
        double r = d * 0.24;
        g2.setColor(Color.WHITE);
        g2.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        // ↻: clockwise from 60° round to 110°, leaving a gap at the top, with the head at 110°.
        g2.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, 60, -310, Arc2D.OPEN));
        double tip = Math.toRadians(110);
        double px = cx + r * Math.cos(tip);
        double py = cy - r * Math.sin(tip);
        double ux = Math.sin(tip);
        double uy = Math.cos(tip);
        double a = d * 0.2;
        Path2D head = new Path2D.Double();
        head.moveTo(px + ux * a * 0.6, py + uy * a * 0.6);
        head.lineTo(px - ux * a * 0.4 - uy * a * 0.6, py - uy * a * 0.4 + ux * a * 0.6);
        head.lineTo(px - ux * a * 0.4 + uy * a * 0.6, py - uy * a * 0.4 - ux * a * 0.6);
        head.closePath();
        g2.fill(head);
        caption(g2, shape, d, I18n.tr("media.image.retry"));
    }

    private static void veil(Graphics2D g2, RoundRectangle2D shape) {
        g2.setColor(VEIL);
        g2.fill(shape);
    }

    private static void caption(Graphics2D g2, RoundRectangle2D shape, int d, String text) {
        Font base = UIManager.getFont("Label.font");
        g2.setFont(base.deriveFont(Font.BOLD, base.getSize2D() - 1f));
        FontMetrics fm = g2.getFontMetrics();
        int top = (int) (shape.getCenterY() + d / 2.0) + 4;
        if (top + fm.getHeight() > shape.getMaxY() - 2) {
            return;
        }
        g2.setColor(Color.WHITE);
        g2.drawString(text, (float) (shape.getCenterX() - fm.stringWidth(text) / 2.0), top + fm.getAscent());
    }
}
