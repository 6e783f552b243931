package org.qchat.client.ui;

import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.JList;
import javax.swing.ListModel;

/** A list that says something helpful ("No friends yet — use + to add one") while it is empty. */
final class HintList extends JList<ListEntry> {

    private String hint = "";

    HintList(ListModel<ListEntry> model) {
        super(model);
    }

    void setHint(String hint) {
        if (!hint.equals(this.hint)) {
            this.hint = hint;
            repaint();
        }
    }

    String hint() {
        return hint;
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (getModel().getSize() == 0 && !hint.isEmpty()) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(Theme.secondaryText());
            g2.setFont(getFont());
            FontMetrics fm = g2.getFontMetrics();
            int y = 40;
            // Wrap by words (or characters, for CJK) to the list's width.
            StringBuilder line = new StringBuilder();
            for (String word : hint.split("(?<= )|(?<=[\\u3000-\\u9fff\\uff00-\\uffef])")) {
                if (fm.stringWidth(line + word) > getWidth() - 32 && line.length() > 0) {
                    drawCentered(g2, fm, line.toString().strip(), y);
                    y += fm.getHeight();
                    line.setLength(0);
                }
                line.append(word);
            }
            drawCentered(g2, fm, line.toString().strip(), y);
            g2.dispose();
        }
    }

    private void drawCentered(Graphics2D g2, FontMetrics fm, String text, int y) {
        g2.drawString(text, (getWidth() - fm.stringWidth(text)) / 2, y);
    }
}
