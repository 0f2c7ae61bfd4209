package io.smartlb.core;

/**
 * How many jobs of one model wait, and since when.
 *
 * @param model the model
 * @param waiting how many of its jobs wait, at least 1
 * @param earliestSubmittedNanos the submit time of its longest-waiting job
 */
public record ModelBacklog(String model, int waiting, long earliestSubmittedNanos) {
}
