package org.qchat.server.service;

import java.util.regex.Pattern;

import org.qchat.protocol.ErrorCode;
import org.qchat.server.config.Limits;

/** Checks user input against the configured {@link Limits}. Lengths count code points. */
public final class InputValidator {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final int MAX_CLIENT_MSG_ID = 64;
    private static final int MAX_QUERY = 32;

    private final Limits limits;

    public InputValidator(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public void username(String username) throws ChatException {
        int n = length(username);
        if (n < limits.minUsername() || n > limits.maxUsername() || !USERNAME.matcher(username).matches()) {
            throw ChatException.badRequest("username must be " + limits.minUsername() + "-" + limits.maxUsername()
                    + " characters: ASCII letters, digits, '_', '.' or '-'");
        }
    }

    public void password(String password) throws ChatException {
        int n = length(password);
        if (n < limits.minPassword() || n > limits.maxPassword()) {
            throw ChatException.badRequest("password must be " + limits.minPassword() + "-" + limits.maxPassword()
                    + " characters");
        }
    }

    public void nickname(String nickname) throws ChatException {
        requireRange(nickname, 1, limits.maxNickname(), "nickname");
        if (nickname.isBlank()) {
            throw ChatException.badRequest("nickname must not be blank");
        }
    }

    public void signature(String signature) throws ChatException {
        requireRange(signature, 0, limits.maxSignature(), "signature");
    }

    public void note(String note) throws ChatException {
        requireRange(note, 0, limits.maxNote(), "note");
    }

    public void groupName(String name) throws ChatException {
        requireRange(name, 1, limits.maxGroupName(), "group name");
        if (name.isBlank()) {
            throw ChatException.badRequest("group name must not be blank");
        }
    }

    public void text(String text) throws ChatException {
        if (text.isEmpty()) {
            throw ChatException.badRequest("text must not be empty");
        }
        if (length(text) > limits.maxText()) {
            throw new ChatException(ErrorCode.TOO_LARGE, "text is longer than " + limits.maxText() + " characters");
        }
    }

    public void clientMsgId(String id) throws ChatException {
        if (id.isEmpty() || id.length() > MAX_CLIENT_MSG_ID) {
            throw ChatException.badRequest("clientMsgId must be 1-" + MAX_CLIENT_MSG_ID + " characters");
        }
    }

    public void device(String device) throws ChatException {
        if (device != null && !DEVICE.matcher(device).matches()) {
            throw ChatException.badRequest("device must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    public void query(String query) throws ChatException {
        if (query.isBlank() || length(query) > MAX_QUERY) {
            throw ChatException.badRequest("query must be 1-" + MAX_QUERY + " characters");
        }
    }

    /** The page size to use: the default if none was given, refused if out of range. */
    public int pageSize(Integer requested) throws ChatException {
        return bounded(requested, limits.defaultPage(), limits.maxPage(), "limit");
    }

    public int searchSize(Integer requested) throws ChatException {
        return bounded(requested, limits.defaultSearch(), limits.maxSearch(), "limit");
    }

    private static int bounded(Integer requested, int byDefault, int max, String field) throws ChatException {
        if (requested == null) {
            return byDefault;
        }
        if (requested < 1 || requested > max) {
            throw ChatException.badRequest(field + " must be 1-" + max);
        }
        return requested;
    }

    private static void requireRange(String value, int min, int max, String field) throws ChatException {
        int n = length(value);
        if (n < min || n > max) {
            throw ChatException.badRequest(field + " must be " + min + "-" + max + " characters");
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
