package org.qchat.client.ui.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.ActionEvent;

import javax.swing.SwingUtilities;
import javax.swing.text.DefaultEditorKit;

import org.junit.jupiter.api.Test;

/** In the compose box an emoji is one character to the caret and to Backspace, and the text keeps it as typed. */
class EmojiTextPaneTest {

    private static final String FAMILY = "👨\u200D👩\u200D👧";

    @Test
    void backspaceAfterAZwjFamilyRemovesAllOfIt() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            EmojiTextPane input = new EmojiTextPane();
            input.replaceSelection("a" + FAMILY);
            input.replaceSelection("b");
            assertThat(input.getText()).isEqualTo("a" + FAMILY + "b");

            input.setCaretPosition(1 + FAMILY.length());
            run(input, DefaultEditorKit.deletePrevCharAction);
            assertThat(input.getText()).isEqualTo("ab");
        });
    }

    @Test
    void theCaretDoesNotStopInsideAnEmoji() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            EmojiTextPane input = new EmojiTextPane();
            input.setText("好" + FAMILY + "的");
            input.setCaretPosition(1);
            input.setCaretPosition(3); // forwards, into the family
            assertThat(input.getCaretPosition()).isEqualTo(1 + FAMILY.length());
            input.setCaretPosition(4); // backwards, into it again
            assertThat(input.getCaretPosition()).isEqualTo(1);
            input.replaceSelection("x");
            assertThat(input.getText()).isEqualTo("好x" + FAMILY + "的");
        });
    }

    @Test
    void anEmojiWithoutAnImageIsLeftToTheFont() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            EmojiTextPane input = new EmojiTextPane();
            String unknown = "🦩"; // not among the shipped images
            assertThat(EmojiImages.has(unknown)).isFalse();
            input.setText("a" + unknown + "👍");
            Object first = input.getStyledDocument().getCharacterElement(1).getAttributes().getAttribute(EmojiTextPane.EMOJI);
            Object second = input.getStyledDocument().getCharacterElement(1 + unknown.length())
                    .getAttributes().getAttribute(EmojiTextPane.EMOJI);
            assertThat(first).isNull();
            assertThat(second).isInstanceOf(EmojiIcon.class);
        });
    }

    @Test
    void aSkinTonedEmojiShowsItsBaseImageAndKeepsItsTone() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            EmojiTextPane input = new EmojiTextPane();
            String toned = "👍🏽";
            input.setText("ok" + toned);
            Object mark = input.getStyledDocument().getCharacterElement(2).getAttributes().getAttribute(EmojiTextPane.EMOJI);
            assertThat(mark).isInstanceOf(EmojiIcon.class);
            assertThat(((EmojiIcon) mark).emoji()).isEqualTo(toned);
            assertThat(EmojiImages.source(toned)).isSameAs(EmojiImages.source("👍"));
            assertThat(input.getText()).isEqualTo("ok" + toned);
        });
    }

    private static void run(EmojiTextPane input, String action) {
        input.getActionMap().get(action).actionPerformed(new ActionEvent(input, ActionEvent.ACTION_PERFORMED, ""));
    }
}
