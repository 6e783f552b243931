package org.qchat.client.ui.emoji;

import java.awt.Container;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Shape;

import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.LabelView;
import javax.swing.text.Position;
import javax.swing.text.View;

/**
 * A run of text, drawn as text, or, while its element carries an {@link EmojiTextPane#EMOJI}
 * icon, as that colour image centred on the line: one unbreakable unit that the caret steps over.
 * It decides at each call rather than at creation because marking a run as an emoji changes
 * only its attributes, which does not make new views. Text may wrap inside a word longer than
 * the line.
 */
final class EmojiView extends LabelView {

    EmojiView(Element element) {
        super(element);
    }

    private EmojiIcon icon() {
        return getElement().getAttributes().getAttribute(EmojiTextPane.EMOJI) instanceof EmojiIcon icon ? icon : null;
    }

    @Override
    public float getPreferredSpan(int axis) {
        EmojiIcon icon = icon();
        if (icon == null) {
            return super.getPreferredSpan(axis);
        }
        return axis == X_AXIS ? icon.getIconWidth() : icon.getIconHeight();
    }

    /** Rows are filled by this width, not by the preferred span, so it must be the image's too. */
    @Override
    public float getTabbedSpan(float x, javax.swing.text.TabExpander e) {
        EmojiIcon icon = icon();
        return icon == null ? super.getTabbedSpan(x, e) : icon.getIconWidth();
    }

    @Override
    public float getPartialSpan(int p0, int p1) {
        EmojiIcon icon = icon();
        if (icon == null) {
            return super.getPartialSpan(p0, p1);
        }
        return p0 <= getStartOffset() && p1 >= getEndOffset() ? icon.getIconWidth() : 0;
    }

    @Override
    public float getMinimumSpan(int axis) {
        EmojiIcon icon = icon();
        if (icon == null) {
            return axis == X_AXIS ? 0 : super.getMinimumSpan(axis);
        }
        return getPreferredSpan(axis);
    }

    @Override
    public float getMaximumSpan(int axis) {
        return icon() == null ? super.getMaximumSpan(axis) : getPreferredSpan(axis);
    }

    /** The icon spans the text's ascent and descent, so it sits where a glyph would. */
    @Override
    public float getAlignment(int axis) {
        EmojiIcon icon = icon();
        Container c = getContainer();
        if (icon == null || axis != Y_AXIS || c == null) {
            return super.getAlignment(axis);
        }
        FontMetrics fm = c.getFontMetrics(getFont());
        return Math.min(1f, fm.getAscent() / (float) icon.getIconHeight());
    }

    @Override
    public int getBreakWeight(int axis, float pos, float len) {
        if (icon() == null) {
            return super.getBreakWeight(axis, pos, len);
        }
        return len >= getPreferredSpan(axis) ? GoodBreakWeight : BadBreakWeight;
    }

    @Override
    public View breakView(int axis, int p0, float pos, float len) {
        return icon() == null ? super.breakView(axis, p0, pos, len) : this;
    }

    @Override
    public View createFragment(int p0, int p1) {
        return icon() == null ? super.createFragment(p0, p1) : this;
    }

    @Override
    public void paint(Graphics g, Shape allocation) {
        EmojiIcon icon = icon();
        if (icon == null) {
            super.paint(g, allocation);
            return;
        }
        Rectangle r = allocation.getBounds();
        paintSelection(g, r);
        icon.paintIcon(getContainer(), g, r.x, r.y + (r.height - icon.getIconHeight()) / 2);
    }

    /** A selected emoji gets the selection colour behind it, as selected text does. */
    private void paintSelection(Graphics g, Rectangle r) {
        if (getContainer() instanceof javax.swing.text.JTextComponent text && text.getCaret() != null
                && text.getCaret().isSelectionVisible()) {
            int start = text.getSelectionStart();
            int end = text.getSelectionEnd();
            if (start < end && start <= getStartOffset() && getEndOffset() <= end && text.getSelectionColor() != null) {
                g.setColor(text.getSelectionColor());
                g.fillRect(r.x, r.y, r.width, r.height);
            }
        }
    }

    @Override
    public Shape modelToView(int pos, Shape a, Position.Bias b) throws BadLocationException {
        if (icon() == null) {
            return super.modelToView(pos, a, b);
        }
        int p0 = getStartOffset();
        int p1 = getEndOffset();
        if (pos < p0 || pos > p1) {
            throw new BadLocationException("not in the emoji", pos);
        }
        Rectangle r = a.getBounds();
        if (pos == p1) {
            r.x += r.width;
        }
        r.width = 0;
        return r;
    }

    @Override
    public int viewToModel(float x, float y, Shape a, Position.Bias[] bias) {
        if (icon() == null) {
            return super.viewToModel(x, y, a, bias);
        }
        Rectangle r = a.getBounds();
        if (x < r.x + r.width / 2f) {
            bias[0] = Position.Bias.Forward;
            return getStartOffset();
        }
        bias[0] = Position.Bias.Backward;
        return getEndOffset();
    }

    @Override
    public int getNextVisualPositionFrom(int pos, Position.Bias b, Shape a, int direction, Position.Bias[] biasRet)
            throws BadLocationException {
        if (icon() == null || (direction != EAST && direction != WEST)) {
            return super.getNextVisualPositionFrom(pos, b, a, direction, biasRet);
        }
        biasRet[0] = Position.Bias.Forward;
        if (direction == EAST) {
            return pos == -1 ? getStartOffset() : pos < getEndOffset() ? getEndOffset() : -1;
        }
        return pos == -1 ? getEndOffset() : pos > getStartOffset() ? getStartOffset() : -1;
    }
}
