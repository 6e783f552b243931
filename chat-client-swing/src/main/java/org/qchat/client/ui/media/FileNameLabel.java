package org.qchat.client.ui.media;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;

import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A file name in bold on one line, shortened in the middle when it does not fit the width it is
 * given (a JLabel would cut the end, and with it the extension). The whole name is the tooltip
 * when shortened.
 */
final class FileNameLabel extends JComponent {

    private final String name;
    private String shown;
    private int shownFor = -1;

    FileNameLabel(String name) {
        this.name = name;
        this.shown = name;
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        Font base = UIManager.getFont("Label.font");
        if (base != null) {
            setFont(base.deriveFont(Font.BOLD));
        }
        setForeground(UIManager.getColor("Label.foreground"));
        shownFor = -1;
    }

    /** What the label shows at its current width. */
    String shownText() {
        int room = getWidth() - getInsets().left - getInsets().right;
        if (room != shownFor) {
            shownFor = room;
            FontMetrics fm = getFontMetrics(getFont());
            shown = MiddleEllipsis.fit(name, room, fm::stringWidth);
            setToolTipText(shown.equals(name) ? null : name);
        }
        return shown;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(getFont());
        Insets in = getInsets();
        return new Dimension(fm.stringWidth(name) + in.left + in.right, fm.getHeight() + in.top + in.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        Dimension preferred = getPreferredSize();
        return new Dimension(0, preferred.height);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setFont(getFont());
        g2.setColor(getForeground());
        Insets in = getInsets();
        FontMetrics fm = g2.getFontMetrics();
        g2.drawString(shownText(), in.left, in.top + fm.getAscent());
        g2.dispose();
    }
}
