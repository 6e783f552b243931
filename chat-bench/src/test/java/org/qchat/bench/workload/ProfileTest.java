package org.qchat.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void anotherOneToOneLadderChangesNothingElse() {
        Profile full = Profile.full();

        Profile other = full.withRates1to1(new double[] {60_000, 120_000});

        assertThat(other.rates1to1()).containsExactly(60_000, 120_000);
        assertThat(other.groupDeliveries()).isSameAs(full.groupDeliveries());
        assertThat(other.step()).isEqualTo(full.step());
        assertThat(other.name()).isEqualTo(full.name());
        assertThat(other.pairUsers()).isEqualTo(full.pairUsers());
        assertThat(other.fileSize()).isEqualTo(full.fileSize());
        assertThat(other.filesWindow()).isEqualTo(full.filesWindow());
        assertThat(other.filesChatRate()).isEqualTo(full.filesChatRate());
    }

    @Test
    void w8ChatsAtOneThousandMessagesASecondAndTheSmokeFileIsSmaller() {
        assertThat(Profile.full().filesChatRate()).isEqualTo(1_000);
        assertThat(Profile.smoke().fileSize()).isLessThan(Profile.full().fileSize());
    }

    @Test
    void anEmptyLadderIsRefused() {
        assertThatThrownBy(() -> Profile.full().withRates1to1(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFullLadderRisesStepByStep() {
        double[] rates = Profile.full().rates1to1();
        for (int i = 1; i < rates.length; i++) {
            assertThat(rates[i]).isGreaterThan(rates[i - 1]);
        }
    }
}
