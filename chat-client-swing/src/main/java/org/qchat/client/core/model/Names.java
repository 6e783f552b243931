package org.qchat.client.core.model;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import org.qchat.protocol.model.UserInfo;

/** Display names, sorting and search matching shared by the lists. */
public final class Names {

    private static final Collator COLLATOR = Collator.getInstance(Locale.ROOT);

    /** Orders names as a person expects: case and accents matter less than letters. */
    public static final Comparator<String> ORDER = (a, b) -> {
        int c = COLLATOR.compare(a, b);
        return c != 0 ? c : a.compareTo(b);
    };

    private Names() {
    }

    public static String display(UserInfo user) {
        if (user == null) {
            return "";
        }
        return user.nickname() == null || user.nickname().isBlank() ? user.username() : user.nickname();
    }

    /**
     * Whether a list entry matches what the user typed in the search box: any of {@code fields}
     * contains {@code query}, ignoring case. A blank query matches everything.
     */
    public static boolean matches(String query, String... fields) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        for (String field : fields) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }
}
