package org.qchat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SendRulesTest {

    private static final long OWNER = 1;
    private static final long ADMIN = 2;
    private static final long MEMBER = 3;

    @Test
    void aMutedMemberMayNotSendBeforeTheMuteEndsAndMayFromItsEndOn() {
        SendRules rules = new SendRules(false, new long[] {ADMIN, OWNER}, Map.of(MEMBER, 5_000L));

        assertThat(rules.refusal(MEMBER, 4_999)).contains("muted").contains("until");
        assertThat(rules.refusal(MEMBER, 5_000)).isNull();
        assertThat(rules.refusal(ADMIN, 0)).isNull();
    }

    @Test
    void muteAllStopsPlainMembersOnlyAndAnIndividualMuteStillHoldsForAnAdmin() {
        SendRules rules = new SendRules(true, new long[] {OWNER, ADMIN}, Map.of(ADMIN, 9_000L));

        assertThat(rules.refusal(MEMBER, 0)).contains("all members are muted");
        assertThat(rules.refusal(OWNER, 0)).isNull();
        assertThat(rules.refusal(ADMIN, 8_999)).contains("until");
        assertThat(rules.refusal(ADMIN, 9_000)).isNull();
        assertThat(SendRules.OPEN.refusal(MEMBER, 0)).isNull();
    }
}
