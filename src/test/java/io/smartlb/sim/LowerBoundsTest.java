package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LowerBoundsTest {

    @Test
    void of_spreadDominates() {
        // m1 load 100 (jobs 10, 20), m2 load 50 (job 5): work 10+20+5 + 100+50 = 185 over 2 workers
        // = 92.5 -> 93; arrivals 3-0 + 5 = 8; longest single 100 + 20 = 120 -> makespan >= 120
        Trace trace = TestTraces.inline("0,m1,100,10,0", "1,m2,50,5,0", "3,m1,100,20,0");

        assertThat(LowerBounds.of(trace, 2)).isEqualTo(new LowerBounds(2, 120));
        // on 1 worker the spread 185 wins
        assertThat(LowerBounds.of(trace, 1)).isEqualTo(new LowerBounds(2, 185));
    }

    @Test
    void of_arrivalSpanDominates() {
        // arrivals 0 and 1000, shortest job 1: 1001; work 1+2+10 = 13; single 10 + 2 = 12
        Trace trace = TestTraces.inline("0,m1,10,1,0", "1000,m1,10,2,0");

        assertThat(LowerBounds.of(trace, 4)).isEqualTo(new LowerBounds(1, 1001));
    }

    @Test
    void of_spreadRoundsUp() {
        // work 1+1+1 + 1 load = 4 on 3 workers = 1.33 -> 2; single 1 + 1 = 2; arrivals 0 + 1 = 1
        Trace trace = TestTraces.inline("0,m1,1,1,0", "0,m1,1,1,0", "0,m1,1,1,0");

        assertThat(LowerBounds.of(trace, 3).makespanMs()).isEqualTo(2);
    }

    @Test
    void of_seedExample_matchesTheGroupedSchedule() {
        // two loads of 5 s plus six 10 ms jobs on one worker: 10.06 s, what affinity achieves
        Trace trace = TestTraces.inline("0,m1,5000,10,0", "0,m2,5000,10,0", "0,m1,5000,10,0",
                "0,m2,5000,10,0", "0,m1,5000,10,0", "0,m2,5000,10,0");

        assertThat(LowerBounds.of(trace, 1)).isEqualTo(new LowerBounds(2, 10_060));
    }
}
