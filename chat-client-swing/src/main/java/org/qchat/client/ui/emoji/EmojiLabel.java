package org.qchat.client.ui.emoji;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JLabel;

/**
 * A one-line label (a preview, a name) that shows emoji as colour images the height of the text
 * and ends in "…" when it is too narrow. Text without such emoji is an ordinary {@link JLabel}.
 * It has no icon and is left-aligned; {@code getText()} is the text given.
 */
public final class EmojiLabel extends JLabel {

    private static final String ELLIPSIS = "…";

    @Override
    public Dimension getPreferredSize() {
        if (!drawsImages()) {
            return super.getPreferredSize();
        }
        Insets in = getInsets();
        FontMetrics fm = getFontMetrics(getFont());
        int width = 0;
        for (Piece p : pieces(fm)) {
            width += p.width;
        }
        return new Dimension(width + in.left + in.right, Math.max(fm.getHeight(), size(fm)) + in.top + in.bottom);
    }

    /** The look and feel would measure the text with the font's emoji glyphs. */
    @Override
    public Dimension getMaximumSize() {
        return drawsImages() ? getPreferredSize() : super.getMaximumSize();
    }

    @Override
    public Dimension getMinimumSize() {
        return drawsImages() ? getPreferredSize() : super.getMinimumSize();
    }

    @Override
    protected void paintComponent(Graphics g) {
        if (!drawsImages()) {
            super.paintComponent(g);
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        if (isOpaque()) {
            g2.setColor(getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
        }
        Object hints = Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints");
        if (hints instanceof Map<?, ?> map) {
            g2.addRenderingHints(map);
        } else {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        }
        g2.setFont(getFont());
        g2.setColor(getForeground());
        Insets in = getInsets();
        // The component's metrics, as getPreferredSize measured with: the graphics' may differ by a pixel.
        FontMetrics fm = getFontMetrics(getFont());
        int available = getWidth() - in.left - in.right;
        int lineHeight = getHeight() - in.top - in.bottom;
        int baseline = in.top + (lineHeight - fm.getHeight()) / 2 + fm.getAscent();
        int iconTop = baseline - fm.getAscent() + (fm.getAscent() + fm.getDescent() - size(fm)) / 2;
        int ellipsis = fm.stringWidth(ELLIPSIS);
        List<Piece> pieces = pieces(fm);
        int total = pieces.stream().mapToInt(p -> p.width).sum();
        int limit = total <= available ? available : available - ellipsis;
        int x = in.left;
        for (Piece p : pieces) {
            if (x + p.width > limit) {
                if (p.icon == null) {
                    String cut = fit(p.text, limit - x, fm);
                    g2.drawString(cut, x, baseline);
                    x += fm.stringWidth(cut);
                }
                g2.drawString(ELLIPSIS, x, baseline);
                break;
            }
            if (p.icon != null) {
                p.icon.paintIcon(this, g2, x, iconTop);
            } else {
                g2.drawString(p.text, x, baseline);
            }
            x += p.width;
        }
        g2.dispose();
    }

    private boolean drawsImages() {
        String text = getText();
        return text != null && getIcon() == null && !text.startsWith("<html>") && EmojiImages.anyIn(text);
    }

    private static int size(FontMetrics fm) {
        return fm.getAscent() + fm.getDescent();
    }

    private List<Piece> pieces(FontMetrics fm) {
        String text = getText();
        List<Piece> out = new ArrayList<>();
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            String piece = s.of(text);
            if (s.emoji() && EmojiImages.has(piece)) {
                EmojiIcon icon = new EmojiIcon(piece, size(fm));
                out.add(new Piece(piece, icon, icon.getIconWidth() + 1));
            } else {
                out.add(new Piece(piece, null, fm.stringWidth(piece)));
            }
        }
        return out;
    }

    /** The longest start of {@code text} (whole code points) no wider than {@code width}. */
    private static String fit(String text, int width, FontMetrics fm) {
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            if (fm.stringWidth(text.substring(0, next)) > width) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    private record Piece(String text, EmojiIcon icon, int width) {
    }
}
