package org.qchat.client.core.history;

/**
 * The part of a found message a result list shows: the first match with some words on each
 * side, cut at code points (never inside a Chinese character or an emoji), with "…" where text
 * was left out.
 *
 * @param text       what to show
 * @param matchStart where the match starts in {@code text} (chars); -1 if the query is not in it
 * @param matchEnd   where it ends (exclusive)
 */
public record Snippet(String text, int matchStart, int matchEnd) {

    private static final String ELLIPSIS = "…";

    /** {@code text} on one line, around the first case-insensitive occurrence of {@code query}. */
    public static Snippet around(String text, String query, int context) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        String q = query == null ? "" : query.strip();
        int at = q.isEmpty() ? -1 : SearchText.normalise(line).indexOf(SearchText.normalise(q));
        if (at < 0 || SearchText.normalise(line).length() != line.length()) {
            // Not found (or lower-casing changed lengths, so offsets would lie): the start of the text.
            return new Snippet(cut(line, 0, Math.min(line.length(), offset(line, 0, 2 * context))), -1, -1);
        }
        int end = at + q.length();
        int from = offset(line, at, -context);
        int to = offset(line, end, context);
        String before = from > 0 ? ELLIPSIS : "";
        String shown = before + line.substring(from, to) + (to < line.length() ? ELLIPSIS : "");
        int start = before.length() + at - from;
        return new Snippet(shown, start, start + q.length());
    }

    private static String cut(String line, int from, int to) {
        return line.substring(from, to) + (to < line.length() ? ELLIPSIS : "");
    }

    /** {@code index} moved by {@code codePoints}, kept inside the text. */
    private static int offset(String s, int index, int codePoints) {
        if (codePoints < 0) {
            int available = s.codePointCount(0, index);
            return s.offsetByCodePoints(index, -Math.min(available, -codePoints));
        }
        int available = s.codePointCount(index, s.length());
        return s.offsetByCodePoints(index, Math.min(available, codePoints));
    }

    public boolean hasMatch() {
        return matchStart >= 0;
    }

    public String beforeMatch() {
        return hasMatch() ? text.substring(0, matchStart) : text;
    }

    public String match() {
        return hasMatch() ? text.substring(matchStart, matchEnd) : "";
    }

    public String afterMatch() {
        return hasMatch() ? text.substring(matchEnd) : "";
    }
}
