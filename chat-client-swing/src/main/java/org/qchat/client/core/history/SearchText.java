package org.qchat.client.core.history;

import java.util.Locale;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;

/** What a search looks in: a message's words, lower-cased for Latin letters. */
public final class SearchText {

    private SearchText() {
    }

    /**
     * The searchable text of a message: its text, or the name of its image or file (not the
     * "[file]" fallback). A recalled message has none: its words are gone. Nor has a group's
     * system line: its text is only the server's English sentence, shown in the user's language.
     */
    public static String of(MessageInfo m) {
        if (m.recalledBy() != null || m.kind() == MessageKind.SYSTEM) {
            return "";
        }
        String words = m.kindOrText() == MessageKind.IMAGE || m.kindOrText() == MessageKind.FILE
                ? (m.file() != null ? m.file().name() : null) : m.text();
        return normalise(words);
    }

    /** Lower case, whatever the user's locale (no Turkish dotless i surprises). */
    public static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching {@code query} anywhere, with {@code \ % _} taken literally (escape {@code \}). */
    static String containsPattern(String query) {
        String escaped = normalise(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
