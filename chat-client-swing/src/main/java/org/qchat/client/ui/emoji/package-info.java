/**
 * Colour emoji drawn from the client's own images, so they look the same on every desktop: Java
 * paints only outline fonts, which give monochrome glyphs at best and nothing at all where only a
 * colour emoji font has the emoji.
 *
 * <p>{@link org.qchat.client.ui.emoji.EmojiSegmenter} finds emoji graphemes in text (pure logic);
 * {@link org.qchat.client.ui.emoji.EmojiImages} and {@link org.qchat.client.ui.emoji.EmojiNames}
 * read the images and the names in English and Chinese that ship as resources (made by
 * scripts/emoji-images.py); {@link org.qchat.client.ui.emoji.EmojiTextPane} (message text, the
 * compose box) and {@link org.qchat.client.ui.emoji.EmojiLabel} (one-line previews and names)
 * draw them. Text always keeps the characters: only the drawing changes. The components are
 * used on the Swing thread; the image classes may be called from any thread.
 */
package org.qchat.client.ui.emoji;
