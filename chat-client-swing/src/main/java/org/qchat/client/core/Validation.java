package org.qchat.client.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's input rules (defaults of docs/protocol.md section 9), checked before sending so
 * the user sees the problem at once. Each check returns the message key of the problem, if any.
 * The server has the last word: an operator may change its limits, and its BAD_REQUEST is shown
 * too.
 */
public final class Validation {

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final int NICKNAME_MAX = 32;
    public static final int SIGNATURE_MAX = 128;
    public static final int NOTE_MAX = 128;
    public static final int GROUP_NAME_MAX = 32;
    public static final int TEXT_MAX = 4000;
    public static final int QUERY_MAX = 32;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private Validation() {
    }

    public static Optional<String> username(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("validation.username.required");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("validation.username.chars");
        }
        if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
            return Optional.of("validation.username.length");
        }
        return Optional.empty();
    }

    public static Optional<String> password(String password) {
        int n = codePoints(password);
        if (n == 0) {
            return Optional.of("validation.password.required");
        }
        if (n < PASSWORD_MIN || n > PASSWORD_MAX) {
            return Optional.of("validation.password.length");
        }
        return Optional.empty();
    }

    /** A nickname: 1–32 code points, not blank. Null means "use the username" in registration. */
    public static Optional<String> nickname(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return Optional.of("validation.nickname.blank");
        }
        if (codePoints(nickname) > NICKNAME_MAX) {
            return Optional.of("validation.nickname.length");
        }
        return Optional.empty();
    }

    public static Optional<String> signature(String signature) {
        return codePoints(signature) > SIGNATURE_MAX ? Optional.of("validation.signature.length") : Optional.empty();
    }

    public static Optional<String> note(String note) {
        return codePoints(note) > NOTE_MAX ? Optional.of("validation.note.length") : Optional.empty();
    }

    public static Optional<String> groupName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("validation.groupName.blank");
        }
        if (codePoints(name) > GROUP_NAME_MAX) {
            return Optional.of("validation.groupName.length");
        }
        return Optional.empty();
    }

    public static Optional<String> messageText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("validation.text.empty");
        }
        if (codePoints(text) > TEXT_MAX) {
            return Optional.of("validation.text.length");
        }
        return Optional.empty();
    }

    /** Search queries: 1–32 code points, not blank. */
    public static Optional<String> query(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of("validation.query.blank");
        }
        if (codePoints(query) > QUERY_MAX) {
            return Optional.of("validation.query.length");
        }
        return Optional.empty();
    }

    /** Length as the server counts it: an emoji is one. */
    public static int codePoints(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }
}
