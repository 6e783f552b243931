package org.qchat.client.ui;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.swing.UIManager;

import org.qchat.client.ui.emoji.EmojiImages;
import org.qchat.client.ui.emoji.EmojiSegmenter;

/**
 * Keeps emoji visible. Java draws only outline fonts: through font fallback an emoji shows as
 * the monochrome glyph of a font like Symbola, but an emoji that only a colour font (Noto Color
 * Emoji) has comes out as nothing at all. Such emoji are shown as their name instead —
 * ":hiking boot:" — never as an empty box or a silent gap.
 */
final class Glyphs {

    /** Monochrome fonts with many emoji, best first. */
    private static final String[] MONOCHROME_EMOJI_FONTS = {"Symbola", "Noto Emoji", "Segoe UI Symbol", "Segoe UI Emoji"};

    private static final Font MONO = findMonochrome();
    private static final boolean COLOR_ONLY_FONTS = hasColorOnlyFont();
    private static final Map<Integer, Boolean> CACHE = new HashMap<>();

    private Glyphs() {
    }

    /** The text with every emoji Java cannot draw replaced by its name. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!drawable(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                String name = Character.getName(cp);
                out.append(':').append(name == null ? "emoji" : name.toLowerCase(Locale.ROOT)).append(':');
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * Like {@link #safe}, but leaves alone the emoji the client has a colour image of: for
     * components that draw those images ({@link org.qchat.client.ui.emoji.EmojiTextPane},
     * {@link org.qchat.client.ui.emoji.EmojiLabel}).
     */
    static String safeBesideImages(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            String piece = s.of(text);
            out.append(s.emoji() && EmojiImages.has(piece) ? piece : safe(piece));
        }
        return out.toString();
    }

    /** Whether the code point shows as a visible glyph. Only pictographs are in doubt. */
    static boolean drawable(int cp) {
        if (!isPictograph(cp)) {
            return true;
        }
        return CACHE.computeIfAbsent(cp, c -> {
            if (MONO != null && MONO.canDisplay(c)) {
                return true;
            }
            // With a colour-only emoji font installed, "can display" may mean "draws nothing".
            Font ui = UIManager.getFont("defaultFont");
            return !COLOR_ONLY_FONTS && ui != null && ui.canDisplay(c);
        });
    }

    static boolean isPictograph(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF;
    }

    private static Font findMonochrome() {
        if (GraphicsEnvironment.isHeadless()) {
            return null;
        }
        java.util.Set<String> families = java.util.Set.of(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
        for (String name : MONOCHROME_EMOJI_FONTS) {
            if (families.contains(name)) {
                return new Font(name, Font.PLAIN, 12);
            }
        }
        return null;
    }

    private static boolean hasColorOnlyFont() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            if (family.contains("Color Emoji")) {
                return true;
            }
        }
        return false;
    }
}
