package org.qchat.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.server.store.MembershipPeriod;

class SyncServiceTest {

    @Test
    void lastVisibleSeqOfAnOpenMembershipIsTheConversationsLastSeq() {
        assertThat(SyncService.lastVisible(List.of(new MembershipPeriod(7, 1, null)), 42)).isEqualTo(42);
    }

    @Test
    void lastVisibleSeqStopsWhereTheMembershipEnded() {
        assertThat(SyncService.lastVisible(List.of(new MembershipPeriod(7, 1, 10L)), 42)).isEqualTo(10);
    }

    @Test
    void aMemberWhoJoinedAfterTheLastMessageHasNothingVisibleYet() {
        assertThat(SyncService.lastVisible(List.of(new MembershipPeriod(7, 43, null)), 42)).isZero();
    }

    @Test
    void aRejoinedMemberSeesTheEndOfTheNewestPeriodThatHoldsMessages() {
        List<MembershipPeriod> periods = List.of(new MembershipPeriod(7, 1, 10L), new MembershipPeriod(7, 21, null));
        assertThat(SyncService.lastVisible(periods, 20)).isEqualTo(10);
        assertThat(SyncService.lastVisible(periods, 25)).isEqualTo(25);
    }

    @Test
    void aPeriodThatEndedBeforeItHeldAMessageCountsForNothing() {
        assertThat(SyncService.lastVisible(List.of(new MembershipPeriod(7, 5, 4L)), 9)).isZero();
    }
}
