package io.smartlb.sim;

/** Prints simulation reports of one trace, one per strategy. */
interface ReportWriter {

    /** Takes the next report; may print it at once or keep it for {@link #finish}. */
    void write(SimulationReport report);

    /** Prints whatever is left, after the last report. */
    void finish();
}
