package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JComponent;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.text.JTextComponent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message bubble's text draws emoji as colour images, where a font can at best give a
 * monochrome glyph, and copying it gives back the characters that were sent.
 */
class EmojiMessageTextTest {

    private static final String MESSAGE = "好的👍🎉";

    @BeforeAll
    static void lightTheme() throws Exception {
        SwingUtilities.invokeAndWait(() -> Theme.apply("light"));
    }

    @Test
    void theEmojiOfAMessageArePaintedInColourAndItsChineseTextIsNot() throws Exception {
        double[] emoji = new double[1];
        double[] chinese = new double[1];
        double[] fontOnly = new double[1];
        SwingUtilities.invokeAndWait(() -> {
            WrappingText text = new WrappingText(MESSAGE);
            text.setForeground(Color.BLACK);
            BufferedImage painted = paint(text);
            Rectangle emojiArea = between(text, 2, MESSAGE.length());
            assertThat(emojiArea.width).as("two images side by side").isGreaterThanOrEqualTo(2 * emojiArea.height - 4);
            emoji[0] = colouredShare(painted, emojiArea);
            chinese[0] = colouredShare(painted, between(text, 0, 2));

            JTextArea plain = new JTextArea(MESSAGE); // what the font alone draws
            plain.setForeground(Color.BLACK);
            plain.setFont(text.getFont());
            fontOnly[0] = colouredShare(paint(plain), between(plain, 2, MESSAGE.length()));
        });
        assertThat(emoji[0]).as("coloured share of the emoji area").isGreaterThan(0.3);
        assertThat(chinese[0]).as("coloured share of the Chinese text").isLessThan(0.05);
        assertThat(fontOnly[0]).as("coloured share of the font's emoji").isLessThan(0.05);
    }

    @Test
    void copyingTheMessageGivesTheOriginalCharacters() throws Exception {
        AtomicReference<Object> copied = new AtomicReference<>();
        AtomicReference<String> shown = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            WrappingText text = new WrappingText(MESSAGE);
            text.setSize(text.getPreferredSize());
            text.selectAll();
            Clipboard clipboard = new Clipboard("test");
            text.getTransferHandler().exportToClipboard(text, clipboard, TransferHandler.COPY);
            try {
                copied.set(clipboard.getData(DataFlavor.stringFlavor));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            shown.set(text.getText());
        });
        assertThat(copied.get()).isEqualTo(MESSAGE);
        assertThat(shown.get()).isEqualTo(MESSAGE);
    }

    @Test
    void aBubbleIsAsWideAsItsTextAndItsImagesUntilItWraps() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            WrappingText short1 = new WrappingText("好的👍");
            WrappingText short2 = new WrappingText("好的👍👍");
            int oneImage = short2.getPreferredSize().width - short1.getPreferredSize().width;
            assertThat(oneImage).isBetween(short1.getFont().getSize(), 3 * short1.getFont().getSize());
            assertThat(short2.getPreferredSize().height).isEqualTo(short1.getPreferredSize().height);

            WrappingText long1 = new WrappingText("🎉".repeat(40) + " https://example.org/" + "x".repeat(120));
            long1.setMaxWidth(200);
            Dimension size = long1.getPreferredSize();
            assertThat(size.width).isLessThanOrEqualTo(200);
            assertThat(size.height).as("wrapped onto several lines").isGreaterThan(4 * short1.getPreferredSize().height);
        });
    }

    private static BufferedImage paint(JComponent c) {
        c.setSize(c.getPreferredSize());
        c.doLayout();
        BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        c.paint(g);
        g.dispose();
        return image;
    }

    /** The area the characters {@code from..to} are drawn in, on one line. */
    private static Rectangle between(JTextComponent text, int from, int to) {
        try {
            Rectangle start = text.modelToView2D(from).getBounds();
            Rectangle end = text.modelToView2D(to).getBounds();
            return new Rectangle(start.x, 0, end.x - start.x, text.getHeight());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The share of the area's pixels that are clearly coloured, not black, grey or white. */
    private static double colouredShare(BufferedImage image, Rectangle area) {
        int coloured = 0;
        int all = 0;
        for (int y = area.y; y < area.y + area.height && y < image.getHeight(); y++) {
            for (int x = area.x; x < area.x + area.width && x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                        - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                coloured += spread > 60 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : coloured / (double) all;
    }
}
