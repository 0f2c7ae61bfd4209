package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.strategy.StrategyCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures design.md section 4 expects of a faithful port of the seed, on the shared traces. */
final class ConformanceTest {

    @ParameterizedTest(name = "{0} on {1} workers, {2}: {3} switches, {4} ms")
    @CsvSource({
        "seed-example.csv, 1, fifo,               6,   30060",
        "seed-example.csv, 1, affinity,           2,   10060",
        "burst.csv,        4, affinity,           23,  42800",
        "burst.csv,        4, exclusive-affinity, 20,  37900",
        "burst.csv,        4, fifo,               942,",
    })
    void simulate_sharedTrace_matchesSeed(String trace, int workers, String strategy, long switches, Long makespanMs)
            throws Exception {
        SimulationReport report = new Simulator(TraceReader.read(TestTraces.shared(trace)), workers)
                .run(strategy, StrategyCatalog.create(strategy, StrategyCatalog.Settings.defaults()));

        assertThat(report.switches()).isEqualTo(switches);
        if (makespanMs != null) {
            assertThat(report.makespanMs()).isEqualTo(makespanMs);
        }
    }

    @ParameterizedTest(name = "{0} on {1} workers")
    @CsvSource({"seed-example.csv, 1", "burst.csv, 4", "bursty.csv, 4"})
    void simulate_everyStrategy_respectsLowerBounds(String name, int workers) throws Exception {
        Trace trace = TraceReader.read(TestTraces.shared(name));
        Simulator simulator = new Simulator(trace, workers);

        for (String strategy : StrategyCatalog.names()) {
            SimulationReport report = simulator.run(strategy, StrategyCatalog.create(strategy, StrategyCatalog.Settings.defaults()));

            assertThat(report.jobs()).as(strategy).isEqualTo(trace.size());
            assertThat(report.switches()).as(strategy).isGreaterThanOrEqualTo(report.bounds().switches());
            assertThat(report.makespanMs()).as(strategy).isGreaterThanOrEqualTo(report.bounds().makespanMs());
        }
    }

    @Test
    void bounds_burst_fromTheTraceAlone() throws Exception {
        // 1,000 jobs of 50 ms at t=0 over 20 models of 5 s load on 4 workers:
        // (1000 * 50 + 20 * 5000) / 4 = 37,500 ms beats 5,050 (single) and 50 (arrivals)
        Path burst = TestTraces.shared("burst.csv");

        assertThat(LowerBounds.of(TraceReader.read(burst), 4)).isEqualTo(new LowerBounds(20, 37_500));
    }
}
