package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.DisableUser;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.ResetPassword;

/** Server administration from the client: whether I am an admin, and the three requests. */
class AdminRequestsTest {

    private static final UserInfo ROOT = user(1, "Root");
    private final ClientHarness h = new ClientHarness();

    @Test
    void theSessionSaysWhetherIAmAServerAdministrator() {
        CompletableFuture<Void> login = h.startLogin("root", false);
        h.answer(Login.class, r -> ClientHarness.session(r.id(), ROOT).withAdmin(true));

        assertThat(login).isCompleted();
        assertThat(h.client.session().isAdmin()).isTrue();
    }

    @Test
    void anyoneElseIsNotOne() {
        h.loginAs(user(2, "Bob"), List.of(), List.of(), List.of());

        assertThat(h.client.session().isAdmin()).isFalse();
    }

    @Test
    void eachAnnouncementGoesOutStrippedWithAFreshClientMsgId() {
        h.loginAs(ROOT, List.of(), List.of(), List.of());

        CompletableFuture<Void> first = h.client.admin().broadcast("  Maintenance tonight  ");
        Broadcast sent = h.answer(Broadcast.class, r -> new MessageSent(r.id(), r.clientMsgId(), 1, 1, 1, Wire.TIME));
        h.client.admin().broadcast("Maintenance tonight");
        Broadcast second = h.answer(Broadcast.class, r -> new MessageSent(r.id(), r.clientMsgId(), 2, 1, 2, Wire.TIME));

        assertThat(first).isCompleted();
        assertThat(sent.text()).isEqualTo("Maintenance tonight");
        assertThat(second.clientMsgId()).isNotEqualTo(sent.clientMsgId());
        assertThat(sent.clientMsgId().length()).isBetween(1, 64);
    }

    @Test
    void disableEnableAndResetNameTheAccountByUsername() {
        h.loginAs(ROOT, List.of(), List.of(), List.of());

        h.client.admin().setDisabled(" mallory ", true);
        DisableUser disable = h.answer(DisableUser.class, r -> new Ok(r.id()));
        h.client.admin().setDisabled("mallory", false);
        DisableUser enable = h.answer(DisableUser.class, r -> new Ok(r.id()));
        h.client.admin().resetPassword("bob", "temporary-1");
        ResetPassword reset = h.answer(ResetPassword.class, r -> new Ok(r.id()));

        assertThat(disable.username()).isEqualTo("mallory");
        assertThat(disable.disabled()).isTrue();
        assertThat(enable.disabled()).isFalse();
        assertThat(reset.username()).isEqualTo("bob");
        assertThat(reset.newPassword()).isEqualTo("temporary-1");
    }

    @Test
    void refusalsReadAsNotAllowedOrNoSuchAccount() {
        h.loginAs(user(2, "Bob"), List.of(), List.of(), List.of());

        CompletableFuture<Void> forbidden = h.client.admin().setDisabled("mallory", true);
        h.fail(DisableUser.class, ErrorCode.FORBIDDEN);
        CompletableFuture<Void> unknown = h.client.admin().resetPassword("ghost", "temporary-1");
        h.fail(ResetPassword.class, ErrorCode.NOT_FOUND);

        assertThat(ErrorKeys.of(forbidden.handle((v, t) -> t).join(), Action.ADMIN)).isEqualTo("error.admin.forbidden");
        assertThat(ErrorKeys.of(unknown.handle((v, t) -> t).join(), Action.ADMIN)).isEqualTo("error.admin.noSuchUser");
    }
}
