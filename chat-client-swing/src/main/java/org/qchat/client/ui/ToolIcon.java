package org.qchat.client.ui;

import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.function.Consumer;

import javax.swing.Icon;
import javax.swing.UIManager;

/**
 * The compose toolbar's line icons, drawn rather than taken from a font: emoji fonts differ from
 * one desktop to the next (and may draw nothing), a drawn paperclip looks the same everywhere and
 * sharp at any scale. Drawn on a 20×20 grid in the theme's text colour, so they follow a switch to
 * the dark theme.
 */
final class ToolIcon implements Icon {

    private static final float GRID = 20f;

    private final int size;
    private final Consumer<Graphics2D> drawing;

    private ToolIcon(int size, Consumer<Graphics2D> drawing) {
        this.size = size;
        this.drawing = drawing;
    }

    /** A paperclip, slanted as on most desktops' "attach". */
    static ToolIcon paperclip(int size) {
        return new ToolIcon(size, g -> {
            Path2D clip = new Path2D.Float();
            // Down the outer right strand, round the wide bottom bend, up the left strand, round the
            // narrow top bend, and down the inner strand into the small bottom bend.
            clip.moveTo(14, 7);
            clip.lineTo(14, 14);
            clip.curveTo(14, 19.3, 6, 19.3, 6, 14);
            clip.lineTo(6, 5);
            clip.curveTo(6, 1.3, 11.5, 1.3, 11.5, 5);
            clip.lineTo(11.5, 13.5);
            clip.curveTo(11.5, 15.6, 8.5, 15.6, 8.5, 13.5);
            clip.lineTo(8.5, 7.5);
            g.rotate(Math.toRadians(40), 10, 10);
            g.draw(clip);
        });
    }

    /** Open scissors, for the screenshot tool (as QQ's). */
    static ToolIcon scissors(int size) {
        return new ToolIcon(size, g -> {
            g.draw(new Ellipse2D.Float(3, 12.5f, 4.5f, 4.5f));
            g.draw(new Ellipse2D.Float(12.5f, 12.5f, 4.5f, 4.5f));
            g.draw(new Line2D.Float(6.8f, 12.8f, 14.5f, 2.5f));
            g.draw(new Line2D.Float(13.2f, 12.8f, 5.5f, 2.5f));
        });
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        java.awt.Color color = UIManager.getColor(c != null && !c.isEnabled() ? "Label.disabledForeground"
                : "Label.foreground");
        g2.setColor(color != null ? color : java.awt.Color.DARK_GRAY);
        g2.translate(x, y);
        g2.scale(size / GRID, size / GRID);
        g2.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        drawing.accept(g2);
        g2.dispose();
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
