package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.ErrorCode;

class ErrorKeysTest {

    private static final ResourceBundle EN = I18n.load(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.load(Locale.SIMPLIFIED_CHINESE);

    private static ChatException server(ErrorCode code) {
        return ChatException.server(code, "server words");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasItsOwnMessageInBothLanguages(ErrorCode code) {
        String key = ErrorKeys.of(server(code), Action.LOAD);

        assertThat(key).isEqualTo("error.code." + code.name());
        assertThat(EN.containsKey(key)).isTrue();
        assertThat(ZH.containsKey(key)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void everyCodeInEveryActionMapsToAnExistingMessage(Action action) {
        for (ErrorCode code : ErrorCode.values()) {
            String key = ErrorKeys.of(server(code), action);
            assertThat(EN.containsKey(key)).as("%s %s -> %s", action, code, key).isTrue();
            assertThat(ZH.containsKey(key)).as("%s %s -> %s", action, code, key).isTrue();
        }
        for (ChatException.Kind kind : ChatException.Kind.values()) {
            String key = ErrorKeys.of(new ChatException(kind, ErrorCode.INTERNAL, "x"), action);
            assertThat(EN.containsKey(key)).as("%s %s -> %s", action, kind, key).isTrue();
        }
    }

    @Test
    void anUnreachableServerSaysSo() {
        assertThat(ErrorKeys.of(new ChatException(ChatException.Kind.UNREACHABLE, "refused"), Action.LOGIN))
                .isEqualTo("error.unreachable");
    }

    @Test
    void loginFailuresAreToldApart() {
        assertThat(ErrorKeys.of(server(ErrorCode.UNAUTHENTICATED), Action.LOGIN)).isEqualTo("error.login.wrongPassword");
        assertThat(ErrorKeys.of(server(ErrorCode.FORBIDDEN), Action.LOGIN)).isEqualTo("error.login.disabled");
        assertThat(ErrorKeys.of(server(ErrorCode.UNAUTHENTICATED), Action.RESUME)).isEqualTo("error.session.expired");
        assertThat(ErrorKeys.of(server(ErrorCode.CONFLICT), Action.REGISTER)).isEqualTo("error.register.nameTaken");
        assertThat(ErrorKeys.of(server(ErrorCode.UNSUPPORTED_VERSION), Action.LOGIN))
                .isEqualTo("error.code.UNSUPPORTED_VERSION");
    }

    @Test
    void theSameCodeReadsDifferentlyPerAction() {
        assertThat(ErrorKeys.of(server(ErrorCode.CONFLICT), Action.FRIEND_REQUEST)).isEqualTo("error.friend.already");
        assertThat(ErrorKeys.of(server(ErrorCode.FORBIDDEN), Action.GROUP_JOIN)).isEqualTo("error.group.inviteOnly");
        assertThat(ErrorKeys.of(server(ErrorCode.FORBIDDEN), Action.SEND_MESSAGE)).isEqualTo("error.send.forbidden");
        assertThat(ErrorKeys.of(server(ErrorCode.FORBIDDEN), Action.GROUP_KICK)).isEqualTo("error.group.notAllowed");
    }

    @Test
    void networkTroubleIsNotBlamedOnTheUser() {
        assertThat(ErrorKeys.of(new ChatException(ChatException.Kind.TIMEOUT, "slow"), Action.SEARCH))
                .isEqualTo("error.timeout");
        assertThat(ErrorKeys.of(new ChatException(ChatException.Kind.NOT_CONNECTED, "x"), Action.SEARCH))
                .isEqualTo("error.offline");
        assertThat(ErrorKeys.of(new CompletionException(new ChatException(ChatException.Kind.CONNECTION_LOST, "x")),
                Action.LOGIN)).isEqualTo("error.connectionLost");
        assertThat(ErrorKeys.of(new IllegalStateException("bug"), Action.LOGIN)).isEqualTo("error.unexpected");
    }
}
