package org.qchat.client.ui.media;

import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.Icon;

import org.qchat.client.ui.Theme;

/** A thin ×, for cancel buttons; takes the secondary text colour of the theme in use. */
final class CrossIcon implements Icon {

    private final int size;

    CrossIcon(int size) {
        this.size = size;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        // A shade stronger than secondary text: a control, not a caption.
        g2.setColor(Theme.isDark() ? Theme.secondaryText().brighter() : Theme.secondaryText().darker());
        g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.translate(x, y);
        g2.drawLine(1, 1, size - 1, size - 1);
        g2.drawLine(size - 1, 1, 1, size - 1);
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
