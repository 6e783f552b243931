package org.qchat.client.core;

import org.qchat.protocol.ErrorCode;

/**
 * Turns a failure into the message key of a sentence a person understands ("Wrong username or
 * password", "That name is taken"), using what the user was doing to pick the sentence.
 */
public final class ErrorKeys {

    private ErrorKeys() {
    }

    public static String of(Throwable failure, Action action) {
        ChatException e = ChatException.of(failure);
        if (e == null) {
            return "error.unexpected";
        }
        return switch (e.kind()) {
            case UNREACHABLE -> "error.unreachable";
            case NOT_CONNECTED, CONNECTION_LOST -> action == Action.LOGIN || action == Action.REGISTER
                    || action == Action.RESUME ? "error.connectionLost" : "error.offline";
            case TIMEOUT -> "error.timeout";
            case UNEXPECTED_REPLY -> "error.unexpected";
            case TOO_LARGE -> "error.code.TOO_LARGE";
            case SERVER_ERROR -> forCode(e.code(), action);
        };
    }

    /** The key for a server error code in the context of {@code action}. */
    public static String forCode(ErrorCode code, Action action) {
        if (code == null) {
            return "error.unexpected";
        }
        String specific = switch (action) {
            case LOGIN -> switch (code) {
                case UNAUTHENTICATED -> "error.login.wrongPassword";
                case FORBIDDEN -> "error.login.disabled";
                default -> null;
            };
            case RESUME -> switch (code) {
                case UNAUTHENTICATED -> "error.session.expired";
                case FORBIDDEN -> "error.login.disabled";
                default -> null;
            };
            case REGISTER -> switch (code) {
                case CONFLICT -> "error.register.nameTaken";
                case BAD_REQUEST -> "error.register.invalid";
                default -> null;
            };
            case SEND_MESSAGE -> switch (code) {
                case FORBIDDEN -> "error.send.forbidden";
                case TOO_LARGE -> "error.send.tooLong";
                case NOT_FOUND -> "error.send.noConversation";
                default -> null;
            };
            case FRIEND_REQUEST -> switch (code) {
                case CONFLICT -> "error.friend.already";
                case FORBIDDEN -> "error.friend.blocked";
                case NOT_FOUND -> "error.user.notFound";
                default -> null;
            };
            case FRIEND_RESPOND -> code == ErrorCode.NOT_FOUND ? "error.friend.requestGone" : null;
            case SETTINGS -> switch (code) {
                case TOO_LARGE -> "error.settings.tooManyPinned";
                case BAD_REQUEST -> "error.settings.remarkTooLong";
                default -> null;
            };
            case GROUP_JOIN -> switch (code) {
                case FORBIDDEN -> "error.group.inviteOnly";
                case CONFLICT -> "error.group.memberOrFull";
                case NOT_FOUND -> "error.group.notFound";
                default -> null;
            };
            case GROUP_INVITE -> switch (code) {
                case CONFLICT -> "error.group.full";
                case FORBIDDEN -> "error.group.inviteForbidden";
                case TOO_LARGE -> "error.group.inviteTooMany";
                default -> null;
            };
            case GROUP_LEAVE, GROUP_KICK, GROUP_ADMIN, GROUP_DISSOLVE -> switch (code) {
                case FORBIDDEN -> "error.group.notAllowed";
                case NOT_FOUND -> "error.group.notFound";
                default -> null;
            };
            case BLOCK -> code == ErrorCode.NOT_FOUND ? "error.user.notFound" : null;
            case PASSWORD_CHANGE -> code == ErrorCode.UNAUTHENTICATED ? "error.password.wrongCurrent" : null;
            case ADMIN -> switch (code) {
                case FORBIDDEN -> "error.admin.forbidden";
                case NOT_FOUND -> "error.admin.noSuchUser";
                default -> null;
            };
            default -> null;
        };
        return specific != null ? specific : "error.code." + code.name();
    }
}
