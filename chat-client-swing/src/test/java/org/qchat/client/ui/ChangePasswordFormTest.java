package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the change-password form says before it asks the server. */
class ChangePasswordFormTest {

    @Test
    void theCurrentPasswordIsNeeded() {
        assertThat(ChangePasswordDialog.problem("", "new-secret-1", "new-secret-1")).contains("password.current.required");
    }

    @Test
    void theNewPasswordMustBeLongEnough() {
        assertThat(ChangePasswordDialog.problem("old-secret", "short", "short")).contains("validation.password.length");
    }

    @Test
    void bothNewPasswordsMustMatch() {
        assertThat(ChangePasswordDialog.problem("old-secret", "new-secret-1", "new-secret-2"))
                .contains("validation.password.mismatch");
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() {
        assertThat(ChangePasswordDialog.problem("same-secret", "same-secret", "same-secret")).contains("password.same");
    }

    @Test
    void aGoodFormHasNoProblem() {
        assertThat(ChangePasswordDialog.problem("old-secret", "new-secret-1", "new-secret-1")).isEmpty();
    }
}
