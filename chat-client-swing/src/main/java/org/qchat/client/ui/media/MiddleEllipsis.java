package org.qchat.client.ui.media;

import java.util.function.ToIntFunction;

/**
 * Shortens a file name in the middle — "quarterly-re…2024-final.pdf" — because its end (the
 * version, the date, the extension) tells files apart more often than its start does.
 */
final class MiddleEllipsis {

    static final String ELLIPSIS = "…";
    /** Extensions longer than this are more likely part of the name ("v1.2 final notes"). */
    private static final int MAX_EXTENSION = 8;

    private MiddleEllipsis() {
    }

    /**
     * The text if it is at most {@code maxWidth} wide as measured by {@code width}, else its start
     * and end around an ellipsis, as much of both as fits. The end keeps the whole extension when
     * anything fits, and about a third of what is kept otherwise. Never splits a code point.
     */
    static String fit(String text, int maxWidth, ToIntFunction<String> width) {
        if (width.applyAsInt(text) <= maxWidth) {
            return text;
        }
        int[] cps = text.codePoints().toArray();
        int extension = extensionLength(cps);
        // Keeping more code points never makes the result narrower, so search for the most.
        int low = 0;
        int high = cps.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (width.applyAsInt(keep(cps, mid, extension)) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return keep(cps, low, extension);
    }

    private static String keep(int[] cps, int count, int extension) {
        int tail = Math.min(count, Math.max(extension, count / 3));
        int head = count - tail;
        return new String(cps, 0, head) + ELLIPSIS + new String(cps, cps.length - tail, tail);
    }

    /** Code points in ".pdf" (dot included), or 0 when the name has no plausible extension. */
    private static int extensionLength(int[] cps) {
        for (int i = cps.length - 1; i > 0 && cps.length - i <= MAX_EXTENSION + 1; i--) {
            if (cps[i] == '.') {
                return i == cps.length - 1 ? 0 : cps.length - i;
            }
        }
        return 0;
    }
}
