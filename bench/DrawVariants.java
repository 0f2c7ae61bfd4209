import java.util.Locale;
import java.util.Random;

/**
 * Prints {@code gen} lines for bench/adaptive-variants.sh: {@code count} traces drawn at random over
 * the ranges of the wider sets there (workers, models, Zipf exponent, load time, job time, job
 * utilization, job count; a quarter with a priority mix, a tenth as one burst). The rate is the
 * utilization times the workers over the job time. Sets drawn before this program existed used a
 * python snippet over the same ranges.
 *
 *   java bench/DrawVariants.java NAME RANDOM_SEED FIRST_TRACE_SEED [COUNT]
 *   java bench/DrawVariants.java fresh 2029 1200 40
 */
public final class DrawVariants {

    private static final int[] WORKERS = {2, 3, 4, 6, 8, 12};
    private static final int[] MODELS = {10, 20, 100, 500, 2000};
    private static final double[] ZIPF = {0, 0.5, 0.8, 1.0, 1.2, 1.5};
    private static final int[] LOAD_MS = {200, 500, 1000, 3000, 10000};
    private static final int[] JOB_MS = {5, 20, 100, 500};
    private static final double[] UTILIZATION = {0.2, 0.4, 0.6, 0.8, 0.95};
    private static final int[] JOBS = {2000, 10000, 20000};
    private static final double[] PRIORITY_SHARE = {0.05, 0.2, 0.5};
    private static final int[] PRIORITY_S = {5, 30, 120};

    public static void main(String[] args) {
        String name = args[0];
        Random random = new Random(Long.parseLong(args[1]));
        int firstSeed = Integer.parseInt(args[2]);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        for (int i = 0; i < count; i++) {
            int workers = pick(random, WORKERS);
            int models = pick(random, MODELS);
            double zipf = ZIPF[random.nextInt(ZIPF.length)];
            int loadMs = pick(random, LOAD_MS);
            int jobMs = pick(random, JOB_MS);
            double utilization = UTILIZATION[random.nextInt(UTILIZATION.length)];
            int jobs = pick(random, JOBS);
            boolean burst = random.nextDouble() < 0.1;
            boolean priorities = random.nextDouble() < 0.25;
            double rate = burst ? 0 : Math.round(utilization * workers * 1000.0 / jobMs * 10) / 10.0;
            String trace = String.format(Locale.ROOT, "%s-%02d-w%d", name, i, workers);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "gen %-18s %2d --jobs %d --models %d --seed %d --rate %s --zipf %s --load-ms %d --process-ms %d",
                    trace, workers, jobs, models, firstSeed + i, number(rate), number(zipf), loadMs, jobMs));
            if (priorities) {
                line.append(String.format(Locale.ROOT, " --priority-share %s --priority-s %d",
                        number(PRIORITY_SHARE[random.nextInt(PRIORITY_SHARE.length)]), pick(random, PRIORITY_S)));
            }
            System.out.println(line);
        }
    }

    private static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
