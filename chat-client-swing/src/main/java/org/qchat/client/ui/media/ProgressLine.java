package org.qchat.client.ui.media;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.JComponent;
import javax.swing.UIManager;

import org.qchat.client.ui.Theme;

/**
 * "45% · 1.2 MB/s" over a thin bar. Painted rather than built from a label and a progress bar
 * because it changes ten times a second: an update repaints this strip only, and never asks the
 * message list to lay itself out again (a label whose text changes width would).
 */
final class ProgressLine extends JComponent {

    private static final int BAR = 4;
    private static final int GAP = 3;

    private double fraction;
    private String text = text(0, 0);

    /** What the line reads: the percentage, rounded down so that it says 100% only when done. */
    static String text(double fraction, long bytesPerSecond) {
        String percent = (int) Math.floor(fraction * 100) + "%";
        return bytesPerSecond > 0 ? percent + " · " + Sizes.perSecond(bytesPerSecond) : percent;
    }

    void set(double newFraction, long bytesPerSecond) {
        String newText = text(newFraction, bytesPerSecond);
        if (newFraction == fraction && newText.equals(text)) {
            return;
        }
        fraction = newFraction;
        text = newText;
        repaint();
    }

    String text() {
        return text;
    }

    double fraction() {
        return fraction;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(smallFont());
        return new Dimension(120, fm.getHeight() + GAP + BAR);
    }

    private java.awt.Font smallFont() {
        java.awt.Font base = UIManager.getFont("Label.font");
        return base.deriveFont(base.getSize2D() - 1f);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setFont(smallFont());
        FontMetrics fm = g2.getFontMetrics();
        int barY = getHeight() - BAR;
        int textY = barY - GAP - fm.getDescent();
        g2.setColor(Theme.secondaryText());
        g2.drawString(text, 0, textY);

        Color track = UIManager.getColor("ProgressBar.background");
        g2.setColor(track != null ? track : Theme.secondaryText());
        g2.fillRoundRect(0, barY, getWidth(), BAR, BAR, BAR);
        int filled = (int) Math.round(getWidth() * fraction);
        if (filled > 0) {
            g2.setColor(Theme.accent());
            g2.fillRoundRect(0, barY, Math.max(BAR, filled), BAR, BAR, BAR);
        }
        g2.dispose();
    }
}
