package org.qchat.client.ui.emoji;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of plain text and single emoji, each emoji being one user-perceived
 * character (a grapheme): a pictograph with its variation selector and skin tone, a ZWJ sequence
 * (👨‍👩‍👧 is five code points), a flag (two regional indicators), a keycap (1️⃣) or a tag
 * sequence. Java 17 has no emoji properties, so pictographs are known by their Unicode blocks;
 * whether one is drawn as an image is {@link EmojiImages}' business, not this class's.
 * Pure logic: no Swing, any thread.
 */
public final class EmojiSegmenter {

    /** {@code text.substring(start, end)} is plain text, or one emoji when {@code emoji}. */
    public record Segment(int start, int end, boolean emoji) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final char ZWJ = 0x200D;
    private static final char EMOJI_STYLE = 0xFE0F;
    private static final char TEXT_STYLE = 0xFE0E;
    private static final char KEYCAP = 0x20E3;

    private EmojiSegmenter() {
    }

    /** The runs of {@code text} in order, covering all of it; plain neighbours are one run. */
    public static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            int end = emojiEnd(text, i);
            if (end > i) {
                if (plainStart < i) {
                    out.add(new Segment(plainStart, i, false));
                }
                out.add(new Segment(i, end, true));
                plainStart = end;
                i = end;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        if (plainStart < text.length()) {
            out.add(new Segment(plainStart, text.length(), false));
        }
        return out;
    }

    /** Whether the text holds any emoji at all. */
    public static boolean hasEmoji(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (emojiEnd(text, i) > i) {
                return true;
            }
        }
        return false;
    }

    /** Where the emoji starting at {@code i} ends, or {@code i} if none starts there. */
    private static int emojiEnd(String text, int i) {
        int cp = text.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (isRegionalIndicator(cp)) {
            return next < text.length() && isRegionalIndicator(text.codePointAt(next)) ? next + 2 : next;
        }
        if (isKeycapBase(cp)) {
            int j = skip(text, next, EMOJI_STYLE);
            return j < text.length() && text.charAt(j) == KEYCAP ? j + 1 : i;
        }
        if (!isPictograph(cp)) {
            return i;
        }
        if (next < text.length() && text.charAt(next) == TEXT_STYLE) {
            return i; // asked for the text style: the font draws it
        }
        int j = extend(text, next);
        while (j + 1 < text.length() && text.charAt(j) == ZWJ && isPictograph(text.codePointAt(j + 1))) {
            j = extend(text, j + 1 + Character.charCount(text.codePointAt(j + 1)));
        }
        return j;
    }

    /** Past what may follow a pictograph: emoji style, skin tone, keycap mark, tags. */
    private static int extend(String text, int j) {
        j = skip(text, j, EMOJI_STYLE);
        if (j < text.length() && isSkinTone(text.codePointAt(j))) {
            j += 2;
        }
        j = skip(text, j, KEYCAP);
        while (j < text.length() && isTag(text.codePointAt(j))) {
            j += 2;
        }
        return j;
    }

    private static int skip(String text, int j, int c) {
        return j < text.length() && text.charAt(j) == c ? j + 1 : j;
    }

    /** Code points that are emoji by default or with U+FE0F; a few text symbols come along and stay text unless an image exists. */
    static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !isRegionalIndicator(cp))
                || (cp >= 0x2600 && cp <= 0x27BF)       // miscellaneous symbols, dingbats
                || (cp >= 0x2300 && cp <= 0x23FF)       // ⌚ ⌨ ⏰ ⏳
                || (cp >= 0x2B00 && cp <= 0x2BFF)       // ⬛ ⭐ ⭕
                || (cp >= 0x2190 && cp <= 0x21FF)       // arrows
                || (cp >= 0x25A0 && cp <= 0x25FF)       // geometric shapes
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
                || cp == 0x24C2 || cp == 0x2934 || cp == 0x2935 || cp == 0x3030 || cp == 0x303D
                || cp == 0x3297 || cp == 0x3299;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isKeycapBase(int cp) {
        return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }
}
