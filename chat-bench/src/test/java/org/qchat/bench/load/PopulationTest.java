package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void pairsAndGroupsAreConsecutiveUsers() {
        Population p = new Population(200, true, 100);

        assertThat(p.partnerOf(0)).isEqualTo(1);
        assertThat(p.partnerOf(1)).isZero();
        assertThat(p.partnerOf(199)).isEqualTo(198);
        assertThat(p.pairOf(199)).isEqualTo(99);
        assertThat(p.groupOf(99)).isZero();
        assertThat(p.groupOf(100)).isEqualTo(1);
        assertThat(p.pairCount()).isEqualTo(100);
        assertThat(p.groupCount()).isEqualTo(2);
    }

    @Test
    void shapesThatDoNotDivideAreRefused() {
        assertThatThrownBy(() -> new Population(3, true, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(10, false, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(10, false, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(1, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
