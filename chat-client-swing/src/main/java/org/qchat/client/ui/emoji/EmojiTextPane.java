package org.qchat.client.ui.emoji;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Insets;

import javax.swing.JTextPane;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.BoxView;
import javax.swing.text.DocumentFilter;
import javax.swing.text.Element;
import javax.swing.text.NavigationFilter;
import javax.swing.text.ParagraphView;
import javax.swing.text.Position;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyledDocument;
import javax.swing.text.StyledEditorKit;
import javax.swing.text.View;
import javax.swing.text.ViewFactory;

/**
 * Text that shows emoji as colour images the size of the line, whatever fonts the desktop has,
 * while the document keeps the characters: {@code getText()}, copying and sending give exactly
 * what was written. Each emoji the client has an image of is one unit to the caret and to
 * deleting (Backspace removes all of 👨‍👩‍👧, not its last code point); emoji without an image
 * are left to the font. Lines wrap at the width, by words and anywhere in CJK text or in a word
 * longer than the line. Swing thread only, like any text component.
 */
public class EmojiTextPane extends JTextPane {

    /** The character attribute that marks an emoji's run; its value is the run's {@link EmojiIcon}. */
    static final String EMOJI = "qchat.emoji";

    private int visibleRows;

    public EmojiTextPane() {
        setEditorKit(new Kit());
        ((AbstractDocument) getDocument()).setDocumentFilter(new WholeEmoji());
        setNavigationFilter(new StepOverEmoji());
    }

    /** How many lines the text asks room for inside a scroll pane (0: as many as it has). */
    public void setVisibleRows(int rows) {
        this.visibleRows = rows;
        revalidate();
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        if (visibleRows <= 0) {
            return super.getPreferredScrollableViewportSize();
        }
        Insets in = getInsets();
        FontMetrics fm = getFontMetrics(getFont());
        return new Dimension(20 * fm.charWidth('m') + in.left + in.right,
                visibleRows * Math.max(fm.getHeight(), emojiSize()) + in.top + in.bottom);
    }

    @Override
    public void setFont(Font font) {
        super.setFont(font);
        if (getDocument() instanceof StyledDocument && getDocument().getLength() > 0) {
            restyle(0, getDocument().getLength()); // the images follow the line height
        }
    }

    /** The side of an emoji image: the font's ascent plus descent, as tall as its glyphs reach. */
    int emojiSize() {
        FontMetrics fm = getFontMetrics(getFont());
        return fm.getAscent() + fm.getDescent();
    }

    /** Marks the emoji runs of the paragraphs that hold {@code from..to}; plain text goes back to plain. */
    void restyle(int from, int to) {
        StyledDocument doc = getStyledDocument();
        Element first = doc.getParagraphElement(from);
        Element last = doc.getParagraphElement(Math.max(from, to));
        int start = first.getStartOffset();
        int end = Math.min(last.getEndOffset(), doc.getLength());
        if (end <= start) {
            return;
        }
        String text;
        try {
            text = doc.getText(start, end - start);
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        if (!EmojiSegmenter.hasEmoji(text) && !hasEmojiRuns(start, end)) {
            return; // typing plain text stays cheap
        }
        doc.setCharacterAttributes(start, end - start, SimpleAttributeSet.EMPTY, true);
        int size = emojiSize();
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            String emoji = s.of(text);
            if (s.emoji() && EmojiImages.has(emoji)) {
                SimpleAttributeSet mark = new SimpleAttributeSet();
                // A new icon for each occurrence: equal neighbours must stay separate runs.
                mark.addAttribute(EMOJI, new EmojiIcon(emoji, size));
                doc.setCharacterAttributes(start + s.start(), s.end() - s.start(), mark, true);
            }
        }
    }

    private boolean hasEmojiRuns(int start, int end) {
        StyledDocument doc = getStyledDocument();
        for (int pos = start; pos < end; ) {
            Element run = doc.getCharacterElement(pos);
            if (run.getAttributes().getAttribute(EMOJI) != null) {
                return true;
            }
            pos = Math.max(run.getEndOffset(), pos + 1);
        }
        return false;
    }

    /** The emoji run around {@code pos} (strictly inside it), or null. */
    private Element emojiAround(int pos) {
        if (pos <= 0 || pos >= getDocument().getLength()) {
            return null;
        }
        Element run = getStyledDocument().getCharacterElement(pos);
        boolean inside = run.getStartOffset() < pos && pos < run.getEndOffset();
        return inside && run.getAttributes().getAttribute(EMOJI) != null ? run : null;
    }

    /** Edits that cut into an emoji take all of it; every edit restyles the paragraphs it touched. */
    private final class WholeEmoji extends DocumentFilter {
        @Override
        public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
            fb.insertString(offset, text, attrs);
            restyle(offset, offset + text.length());
        }

        @Override
        public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
            int start = widenStart(offset);
            fb.remove(start, widenEnd(offset + length) - start);
            restyle(start, start);
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
                throws BadLocationException {
            int start = length == 0 ? offset : widenStart(offset);
            int end = length == 0 ? offset : widenEnd(offset + length);
            fb.replace(start, end - start, text, attrs);
            restyle(start, start + (text == null ? 0 : text.length()));
        }

        private int widenStart(int offset) {
            Element run = emojiAround(offset);
            return run == null ? offset : run.getStartOffset();
        }

        private int widenEnd(int offset) {
            Element run = emojiAround(offset);
            return run == null ? offset : run.getEndOffset();
        }
    }

    /** The caret never stops inside an emoji: it goes on in the direction it was moving. */
    private final class StepOverEmoji extends NavigationFilter {
        @Override
        public void setDot(FilterBypass fb, int dot, Position.Bias bias) {
            fb.setDot(snap(dot, fb.getCaret().getDot()), bias);
        }

        @Override
        public void moveDot(FilterBypass fb, int dot, Position.Bias bias) {
            fb.moveDot(snap(dot, fb.getCaret().getDot()), bias);
        }

        private int snap(int dot, int from) {
            Element run = emojiAround(dot);
            if (run == null) {
                return dot;
            }
            return dot > from ? run.getEndOffset() : run.getStartOffset();
        }
    }

    /**
     * A paragraph that lays its runs out one by one, as each measures itself. For complex text
     * (which any emoji sequence makes the document think it has) Swing would measure the whole
     * paragraph as one piece of text instead, with an emoji as wide as its glyphs in the font,
     * not as its image, and then break lines in the wrong places.
     */
    private static final class RunByRunParagraph extends ParagraphView {
        RunByRunParagraph(Element element) {
            super(element);
            strategy = new FlowStrategy();
        }
    }

    /** {@link EmojiView}s for runs of text, which draw emoji runs as images. */
    private static final class Kit extends StyledEditorKit {
        private static final ViewFactory FACTORY = element -> {
            String kind = element.getName();
            if (AbstractDocument.ParagraphElementName.equals(kind)) {
                return new RunByRunParagraph(element);
            }
            if (AbstractDocument.SectionElementName.equals(kind)) {
                return new BoxView(element, View.Y_AXIS);
            }
            return new EmojiView(element);
        };

        @Override
        public ViewFactory getViewFactory() {
            return FACTORY;
        }

        /** What is typed next to an emoji is text, not more of the emoji. */
        @Override
        protected void createInputAttributes(Element element, javax.swing.text.MutableAttributeSet set) {
            super.createInputAttributes(element, set);
            set.removeAttribute(EMOJI);
        }
    }
}
