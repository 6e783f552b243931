package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.ChangePassword;
import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.UnblockUser;
import org.qchat.protocol.packet.UserList;

/** Blocking people and changing the password, against a scripted server. */
class AccountRequestsTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final UserInfo BOB = user(2, "Bob");
    private static final UserInfo MALLORY = user(9, "Mallory");
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", true, 12)), List.of(), List.of(Wire.privateConv(12, 2, 0, 0)));
    }

    @Test
    void theBlockedListIsReadAfterLoginAndFollowsBlockAndUnblock() {
        h.answer(ListBlocked.class, r -> new UserList(r.id(), List.of(MALLORY)));
        assertThat(h.client.account().blocked().contains(MALLORY.userId())).isTrue();

        CompletableFuture<Void> block = h.client.account().block(BOB);
        BlockUser sent = h.answer(BlockUser.class, r -> new Ok(r.id()));
        assertThat(sent.userId()).isEqualTo(BOB.userId());
        assertThat(block).isCompleted();
        assertThat(h.client.account().blocked().sorted()).containsExactly(BOB, MALLORY);

        h.client.account().unblock(MALLORY.userId());
        assertThat(h.answer(UnblockUser.class, r -> new Ok(r.id())).userId()).isEqualTo(MALLORY.userId());
        assertThat(h.client.account().blocked().sorted()).containsExactly(BOB);
    }

    @Test
    void aRefusedBlockLeavesTheListAsItWasAndSaysWhy() {
        h.answer(ListBlocked.class, r -> new UserList(r.id(), List.of()));

        CompletableFuture<Void> block = h.client.account().block(user(77, "Ghost"));
        h.fail(BlockUser.class, ErrorCode.NOT_FOUND);

        assertThat(block).isCompletedExceptionally();
        assertThat(ErrorKeys.of(block.handle((v, t) -> t).join(), Action.BLOCK)).isEqualTo("error.user.notFound");
        assertThat(h.client.account().blocked().contains(77)).isFalse();
    }

    @Test
    void changingThePasswordSendsBothAndAWrongCurrentOneReadsAsSuch() {
        CompletableFuture<Void> change = h.client.account().changePassword("old-secret", "new-secret-1");
        ChangePassword sent = h.fail(ChangePassword.class, ErrorCode.UNAUTHENTICATED);

        assertThat(sent.oldPassword()).isEqualTo("old-secret");
        assertThat(sent.newPassword()).isEqualTo("new-secret-1");
        assertThat(ErrorKeys.of(change.handle((v, t) -> t).join(), Action.PASSWORD_CHANGE))
                .isEqualTo("error.password.wrongCurrent");

        CompletableFuture<Void> again = h.client.account().changePassword("right-secret", "new-secret-1");
        h.answer(ChangePassword.class, r -> new Ok(r.id()));
        assertThat(again).isCompleted();
    }

    @Test
    void whileReconnectingTheRequestsFailAtOnceInsteadOfWaiting() {
        h.transport().drop("cable pulled");

        CompletableFuture<Void> block = h.client.account().block(BOB);

        assertThat(block).isCompletedExceptionally();
        assertThat(ErrorKeys.of(block.handle((v, t) -> t).join(), Action.BLOCK)).isEqualTo("error.offline");
        assertThat(h.transport().sent(BlockUser.class)).isEmpty();
    }
}
