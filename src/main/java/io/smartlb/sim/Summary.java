package io.smartlb.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Mean, median, 99th percentile and maximum of some per-job durations, in ms. Percentiles are
 * nearest-rank: the smallest value with at least p% of the values at or below it.
 *
 * @param mean the arithmetic mean
 * @param p50 the nearest-rank 50th percentile
 * @param p99 the nearest-rank 99th percentile
 * @param max the largest value
 */
public record Summary(double mean, long p50, long p99, long max) {

    public Summary {
        if (!(mean >= 0) || p50 < 0 || p99 < p50 || max < p99) {
            throw new IllegalArgumentException(
                    "need mean >= 0 and 0 <= p50 <= p99 <= max: " + mean + ", " + p50 + ", " + p99 + ", " + max);
        }
    }

    /** Returns the summary of {@code values}, which must be non-negative; sorts them in place. */
    public static Summary ofSorting(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarize");
        }
        Arrays.sort(values);
        return new Summary(mean(values), nearestRank(values, 50), nearestRank(values, 99), values[values.length - 1]);
    }

    // exact in a long while the sum fits, which is every ordinary run; past Long.MAX_VALUE in a BigInteger
    private static double mean(long[] values) {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            long next = sum + values[i];
            if (next < sum) {  // overflow: the values are non-negative
                BigInteger big = BigInteger.valueOf(sum);
                for (int j = i; j < values.length; j++) {
                    big = big.add(BigInteger.valueOf(values[j]));
                }
                return new BigDecimal(big).divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128).doubleValue();
            }
            sum = next;
        }
        return (double) sum / values.length;
    }

    /** Returns the nearest-rank {@code percent} percentile of {@code sorted}, ascending and non-empty. */
    public static long nearestRank(long[] sorted, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        // rank = ceil(p/100 * n), 1-based; computed in integers when p is whole so 0.5 * 10 stays 5, not 5.000001
        long rank = percent == Math.rint(percent)
                ? ((long) percent * sorted.length + 99) / 100
                : (long) Math.ceil(percent / 100 * sorted.length);
        return sorted[(int) Math.max(1, rank) - 1];
    }
}
