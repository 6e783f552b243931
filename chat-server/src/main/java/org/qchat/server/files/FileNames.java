package org.qchat.server.files;

import org.qchat.server.service.ChatException;

/**
 * Cleans the names users give files. A name is shown to others and becomes a file on their disks, so
 * it keeps no path (only what follows the last {@code /} or {@code \}), no control characters (they
 * can fake a different extension on screen, U+202E, or break a terminal), and no leading dots or
 * spaces (hidden files, {@code ..}).
 */
public final class FileNames {

    /** Longest name, in code points. */
    public static final int MAX_LENGTH = 255;
    private static final String EMPTY_NAME = "file";

    private FileNames() {
    }

    public static String clean(String raw) throws ChatException {
        if (raw == null || raw.isEmpty()) {
            throw ChatException.badRequest("name must not be empty");
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        int start = 0;
        while (start < kept.length() && (kept.charAt(start) == '.' || Character.isWhitespace(kept.charAt(start)))) {
            start++;
        }
        String cleaned = kept.substring(start).strip();
        if (cleaned.isEmpty()) {
            return EMPTY_NAME;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            throw ChatException.badRequest("name is longer than " + MAX_LENGTH + " characters");
        }
        return cleaned;
    }
}
