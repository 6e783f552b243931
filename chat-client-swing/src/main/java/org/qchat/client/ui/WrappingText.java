package org.qchat.client.ui;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.text.View;

import org.qchat.client.ui.emoji.EmojiTextPane;

/**
 * Read-only, selectable message text that is as wide as its longest line but never wider than
 * {@link #setMaxWidth}, wrapping (by words, and anywhere in CJK text) beyond that; its preferred
 * height follows the wrapped width. That is what lets bubbles hug short messages and wrap long
 * ones. Emoji show as colour images; copying gives the characters. It takes no drops: a file
 * dropped on a message goes to the conversation, which sends it (read-only text would refuse it,
 * and a drop goes to the innermost component that takes drops).
 */
final class WrappingText extends EmojiTextPane {

    private int maxWidth = 420;

    WrappingText(String text) {
        setEditable(false);
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder());
        setName(ComponentNames.MESSAGE_TEXT);
        setText(text);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setDropTarget(null); // the look and feel gives text components one
    }

    void setMaxWidth(int maxWidth) {
        if (this.maxWidth != maxWidth) {
            this.maxWidth = Math.max(60, maxWidth);
            revalidate();
        }
    }

    @Override
    public Dimension getPreferredSize() {
        Insets in = getInsets();
        FontMetrics fm = getFontMetrics(getFont());
        View root = getUI().getRootView(this);
        // A paragraph's preferred width is its unwrapped width, images included.
        int natural = (int) Math.ceil(root.getPreferredSpan(View.X_AXIS));
        int width = Math.min(natural + 2, maxWidth - in.left - in.right);
        root.setSize(width, Integer.MAX_VALUE);
        int height = (int) Math.ceil(root.getPreferredSpan(View.Y_AXIS));
        return new Dimension(width + in.left + in.right, Math.max(height, fm.getHeight()) + in.top + in.bottom);
    }

    @Override
    public Dimension getMaximumSize() {
        return getPreferredSize();
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }
}
