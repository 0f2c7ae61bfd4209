package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SummaryTest {

    @Test
    void ofSorting_meanOfValuesWhoseSumPassesLongMax_isExact() {
        long[] values = {Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, 4};
        // the sum, 2^64 - 4 + 4 = 2^64, is past Long.MAX_VALUE
        assertThat(Summary.ofSorting(values).mean()).isEqualTo(Math.pow(2, 64) / 3);
    }

    @Test
    void nearestRank_textbookExample() {
        // the classic nearest-rank example: rank = ceil(p/100 * n) over 15 20 35 40 50
        long[] sorted = {15, 20, 35, 40, 50};

        assertThat(Summary.nearestRank(sorted, 5)).isEqualTo(15);
        assertThat(Summary.nearestRank(sorted, 30)).isEqualTo(20);
        assertThat(Summary.nearestRank(sorted, 40)).isEqualTo(20);
        assertThat(Summary.nearestRank(sorted, 50)).isEqualTo(35);
        assertThat(Summary.nearestRank(sorted, 100)).isEqualTo(50);
    }

    @Test
    void nearestRank_takesAValueNeverInterpolates() {
        // 1..10: p50 is rank 5 (not 5.5); p99 is rank ceil(9.9) = 10
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Summary.nearestRank(sorted, 50)).isEqualTo(5);
        assertThat(Summary.nearestRank(sorted, 99)).isEqualTo(10);
    }

    @Test
    void nearestRank_p99OfHundred_isTheNinetyNinth() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Summary.nearestRank(sorted, 99)).isEqualTo(99);
    }

    @Test
    void ofSorting_unsortedValues_summarized() {
        // mean (40 + 10 + 30 + 20) / 4 = 25; p50 rank 2 -> 20; p99 rank 4 -> 40
        Summary summary = Summary.ofSorting(new long[] {40, 10, 30, 20});

        assertThat(summary).isEqualTo(new Summary(25, 20, 40, 40));
    }

    @Test
    void nearestRank_badPercent_rejected() {
        assertThatThrownBy(() -> Summary.nearestRank(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.ofSorting(new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
