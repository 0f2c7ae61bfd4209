package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.DurationText;
import io.smartlb.core.Job;
import io.smartlb.core.JobCost;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WaitingModel;
import io.smartlb.core.WorkerState;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Cost-aware switching with a hard bound on waiting; one configuration for every workload.
 *
 * <p>It learns each model's load time and job time from what jobs cost ({@link CostModel}) and
 * decides, for a free worker, in this order (a job's <em>age</em> is its effective wait: time
 * since its effective submit time, so priority counts as waiting already done):
 *
 * <ol>
 *   <li><b>Overdue jobs first</b> (the hard bound). A job is overdue once its age exceeds
 *       {@code maxWait}. While any job is overdue, a free worker starts an overdue job: its own model's
 *       oldest if that one is overdue (no load needed) and no overdue job below is older, else the
 *       oldest overdue job of a model no worker holds, or of one whose holders are <em>stuck</em>:
 *       each has been on one job for longer than {@code maxWait} (a long job, a hung upstream), so
 *       it may not reach the overdue job soon. A holder that is not stuck serves its model's
 *       overdue jobs first; a second load of that model would be a waste, and with several free
 *       workers a convoy from one overdue model to the next. A worker that loaded its model for an
 *       overdue job first finishes that model's jobs that were waiting then (gated service, see the
 *       guarantee below). A worker left idle while every waiting model is held by a busy worker
 *       asks, through {@link Decision#idleUntil}, to be asked again when the oldest such job can be
 *       taken by this rule, or, while overloaded (below), when the overload may have ended (when a
 *       calm that has begun would end it, else in half of {@code maxWait}), so the bound does not
 *       wait for an arrival or a completion.</li>
 *   <li><b>Exhaustive service.</b> A worker keeps its model while that model has jobs: with
 *       switch-over times, exhaustive service needs the fewest switches and, in loaded systems,
 *       gives the least waiting (Takagi, <i>Analysis of Polling Systems</i>, 1986; Levy, Sidi and
 *       Boxma, "Dominance relations in polling systems", Queueing Systems 6, 1990).</li>
 *   <li><b>Next model: oldest first; in a burst, more jobs per load.</b> Otherwise the worker
 *       takes the model no worker holds whose head is oldest. Among heads exactly as old whose
 *       models' jobs all arrived together (a burst: a batch that no longer grows), the one with
 *       the most jobs, of the first eight heads of that age ({@code CANDIDATES}, so that a decision
 *       costs the same however large the burst): serving most jobs per load first minimizes the mean wait of a fixed batch
 *       (Smith's ratio rule, "Various optimizers for single-stage production", 1956). Models
 *       whose jobs keep coming are taken in order of their oldest job (ties by submission), which
 *       makes a cycle in which each model is visited once with all it gathered, as in cyclic
 *       exhaustive polling. Preferring the larger of two streams was tried twice: among heads
 *       within a load time of the oldest it pulled popular models ahead of the cycle and made mean
 *       wait up to 12 % worse than the seed's on a Zipf workload; among heads that tie by chance it
 *       made the mean wait of many-model traces a little worse (bench/RESULTS.md).</li>
 *   <li><b>Spreading a model over workers: streams its holders cannot keep up with, batches when it
 *       pays.</b> A model whose jobs keep coming (not a batch) and that other workers hold is
 *       joined when nothing else waits (more of its jobs will come while this worker loads it),
 *       unless this worker's own model expects three jobs or more during that load and the
 *       joined model's holders keep up (delay scheduling: the worker waits for its own stream
 *       rather than leave it to a load by someone else; with as many workers as models, joining
 *       sent workers from model to model behind each other, bench/RESULTS.md), or
 *       when its jobs arrive faster than its h holders can serve them, arrival rate x job time &gt;
 *       1.5 h, and its head is older than the oldest head of the models no worker holds (the oldest
 *       such model, among the first eight held heads older than that head). The first condition is
 *       the stability condition of a queue with h servers, with a margin for a learned rate: below
 *       h the holders catch up on their own and one more load would only take capacity from the
 *       other models; above it the model's backlog grows without bound. The rate is learned from
 *       the gaps between the model's recent arrivals ({@link CostModel}), about eight of them, and
 *       the 0.5 above 1 is about two standard errors of that mean for Poisson arrivals: with h as
 *       the threshold, a stream at 64 % of one worker passed now and then, and each pass cost a
 *       load. A stream between h and 1.5 h is joined as other streams are, when nothing else
 *       waits. The second condition keeps the cycle's order: no older job is passed over.
 *       Joining once its head had waited a fixed number of load times longer than the oldest
 *       unheld head, the rule this one replaced, joined too late when a hot model needed two
 *       workers and too early when one kept up (bench/RESULTS.md). A lone job (the only one since
 *       its model's queue was last empty) counts as a stream when its model loads in at most two
 *       job times: the load then costs about what the job may wait for its busy holder, so under
 *       light load an idle worker takes it at once, as a work-conserving server would. So it does
 *       before any load was measured: the load time is then only the configured default, and
 *       leaving a worker idle on a guess lost up to 5 % of mean wait at the start of light
 *       workloads (bench/RESULTS.md). A batch held by other workers is joined only if its backlog B
 *       (jobs x job time) exceeds 2h(h+1) load times with h holders: one more worker finishes it
 *       sooner despite loading it and loading something else afterwards, B/h &gt; 2L + B/(h+1).
 *       Otherwise the worker stays idle rather than duplicate a load (delay scheduling, Zaharia et
 *       al., EuroSys 2010); the dispatcher asks it again when a job arrives or a model is
 *       released.</li>
 * </ol>
 *
 * <p><b>Guarantee.</b> While the system is not overloaded (below): once a job is overdue, a worker
 * starts a job that is not overdue only to finish the jobs of its model that were already waiting
 * when the bound made it load that model; otherwise a worker that becomes free serves its own
 * model's overdue jobs, if it has any and no overdue job it could take instead (below) is older,
 * else starts the oldest overdue job of a model no worker holds or whose holders are stuck. So an
 * overdue job starts after the overdue jobs older than it, as soon as a worker holding its model is
 * free, or, once its holders are stuck or gone, a worker (free, or idle since before) that has
 * neither overdue jobs of its own nor such a batch to finish. The batch is gated service (Takagi,
 * above): a load the bound forces serves every job it found, not only the overdue ones, so the
 * bound does not pay a second load for the rest of the batch soon after; without it, on a trace
 * whose waits reach max-wait (drawn-11, bench/RESULTS.md), p99 wait was 17 % above the seed's best,
 * with it 3.5 %. <b>Overload.</b> The bound cannot hold when the waiting work needs more than
 * {@code maxWait} to start, whatever the order: D = (models waiting that no worker holds x load
 * time + jobs waiting x job time) / workers would be a lower bound on when the last waiting job
 * can start with the waiting jobs' own costs; it is computed with the costs averaged over recent
 * jobs of every model (O(1) per decision), so it is an estimate, which one long job can push up
 * until the next jobs bring the average back. The strategy is overloaded once D exceeds {@code maxWait}
 * (once a load was measured: before, the load time is only the configured default, and an overload
 * declared on it could outlast the start), or once the oldest head is more than twice
 * {@code maxWait} old and has itself waited more than {@code maxWait} (a priority's head start alone is no
 * sign of overload) while D has not stayed at most half {@code maxWait} for {@code maxWait}
 * (below), and stays so until D is at most half {@code maxWait} and either the oldest head has
 * waited at most {@code maxWait} or D has stayed that low for {@code maxWait} (the jobs still
 * overdue then are left over from an overload that has passed). A job that became overdue in an
 * overload so waits for its model's turn under rules 2 to 4, or for the backlog to stay small for
 * {@code maxWait}; ending the overload as soon as D is small served such jobs sooner but missed
 * more targets over the generated traces, leaving it only once nothing is overdue served them later
 * (bench/RESULTS.md).
 * Overloaded, it drops rule 1 and serves in the order that loses the least capacity (rules 2 to
 * 4): every switch made to honour a bound that cannot hold would cost capacity the backlog needs,
 * so the bound does not turn an overload into FIFO thrashing (an overdue job started then says so in
 * its reason, {@code ; overloaded, so max-wait stands down}). It keeps one switch for it, as
 * time-limited exhaustive service does in polling systems: a worker that has served its model
 * without a break (since it loaded it, or last went idle) for longer than {@code maxWait} and ten
 * times the load time of the oldest overdue job (by effective age) leaves it, when it is next free,
 * for that job if it has really waited past {@code maxWait} and is older than the worker's own
 * head; it then serves that model as any other. Each worker so makes such a turn at most once per
 * {@code maxWait} and per ten load times (each costs that load, and the model it left a load back
 * later), and no job waits for ever
 * behind models whose queues never empty: with rules 2 to 4 alone, 10 cold models arriving at once
 * behind 3 streams that kept 3 workers busy (max-wait 3 s, 1 s loads) waited until the streams
 * ended, 89 s, where the overload held only because nobody served the cold models
 * (bench/bound-cases.sh, cold-burst). Near the threshold of overload, while D is
 * still under {@code maxWait}, its switches can cost some capacity: on a trace at 80 % job load
 * with 500 models and waits around {@code maxWait}, mean wait was 9 % longer than with the bound
 * off (bench/RESULTS.md, drawn-11).
 *
 * <p>Cost per decision: O(K + log M + log W) for M waiting models, W workers and a constant K of
 * heads examined, and O(K x H) more when only held models wait or a job is overdue (each held
 * model examined looks at its H holders, {@link Workers#holding}); the waiting index keeps the
 * models workers hold apart, so no decision walks past them, and none scans all models, workers or
 * jobs.
 */
public final class Adaptive implements Strategy {

    /** The configuration name. */
    public static final String NAME = "adaptive";
    /** Default hard bound on waiting: a safety net that healthy systems never reach. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);
    /** Assumed load time before any load was seen. */
    public static final Duration DEFAULT_LOAD_TIME = Duration.ofSeconds(5);
    /** Assumed job time before any job was seen. */
    public static final Duration DEFAULT_PROCESS_TIME = Duration.ofMillis(100);

    // heads of the same age compared when choosing where to switch: 8, 16 and 64 gave the same
    // waits over 40 traces (bench/RESULTS.md), and fewer cost less per decision
    private static final int CANDIDATES = 8;
    // past this many times max-wait the bound has failed: the system is overloaded
    private static final int OVERLOAD_FACTOR = 2;
    // a lone job of a held model is shared when its model loads in at most this many job times:
    // with 1, 200 ms loads of 100 ms jobs kept waits of 14 ms where the seed has 1 ms; 4 gave the
    // same as 2 over 80 traces (bench/RESULTS.md)
    private static final int LONE_JOB_LOADS = 2;
    // a worker stays idle on its model, rather than join a held stream that keeps up, when its own
    // model expects at least this many jobs during that load: 1, 3 and 10 gave 56, 49 and 49 misses
    // over 274 traces, and 3 the most gain on two-model traces (bench/RESULTS.md)
    private static final int STAY_JOBS = 3;
    // overloaded, a worker leaves its model for an overdue job only after serving it this many load
    // times (and max-wait) without a break: at most one such turn per ten load times of the worker
    private static final int TURN_LOADS = 10;
    // a stream outpaces its h holders once its learned arrival rate x job time exceeds this many
    // times h: the rate is a mean over about eight gaps (CostModel), whose standard error for
    // Poisson arrivals is about a quarter of it (sqrt(w / (2 - w)) for weight w = 1/8), so 1.5 is 1
    // and two of them. With 1, a stream at 64 % of one worker passed now and then (blind-04: 8 joins,
    // mean wait 19 % above the seed's); 1, 1.25, 1.5, 2 and 3 gave 60, 62, 58, 59 and 66 misses
    // over 320 traces, and 1, 1.5 and 2 gave 10, 7 and 11 over 40 drawn after (bench/RESULTS.md)
    private static final double OUTPACE_MARGIN = 1.5;
    private static final int MAX_MODELS_REMEMBERED = 100_000;
    private static final long NOT_CALM = Long.MIN_VALUE;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final long maxWaitNanos;
    private final Duration defaultLoadTime;
    private final Duration defaultProcessTime;
    private final CostModel costs;
    private boolean overloaded;
    // since when the waiting work has needed at most half of max-wait, or NOT_CALM
    private long calmSinceNanos = NOT_CALM;
    // by worker id, the model max-wait last made that worker load and when; grown as ids come
    private Gate[] gates = new Gate[0];
    // by worker id, when this strategy last gave that worker a job: when a busy one's job started; or UNKNOWN
    private long[] startedNanos = new long[0];
    // by worker id, since when it has served the model it holds without a break (since its last
    // load, or since it last went idle), or UNKNOWN
    private long[] visitNanos = new long[0];
    // by model, the worker given a job of it last and when: while that worker still runs that job,
    // it is the holder whose job started last. A hint only (a model missing here walks its
    // holders), so it is cleared whole past MAX_MODELS_REMEMBERED models rather than kept in LRU
    // order, which cost a relink on every decision
    private final Map<String, LastStart> lastStarts = new HashMap<>();

    public Adaptive() {
        this(DEFAULT_MAX_WAIT, DEFAULT_LOAD_TIME, DEFAULT_PROCESS_TIME);
    }

    public Adaptive(Duration maxWait, Duration defaultLoadTime, Duration defaultProcessTime) {
        this.maxWaitNanos = Penalties.positiveNanos("max-wait", maxWait);
        Penalties.nanos("default-load-time", defaultLoadTime);
        Penalties.nanos("default-process-time", defaultProcessTime);
        this.defaultLoadTime = defaultLoadTime;
        this.defaultProcessTime = defaultProcessTime;
        this.costs = new CostModel(defaultLoadTime, defaultProcessTime, MAX_MODELS_REMEMBERED);
    }

    @Override
    public void observe(JobCost cost) {
        costs.observe(cost);
    }

    @Override
    public void arrived(Job<?> job, long nowNanos) {
        costs.arrived(job.model(), nowNanos);
    }

    @Override
    public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        if (waiting.size() == 0) {
            endVisit(worker);
            return Decision.nothingWaits();
        }
        Decision decision = choose(worker, waiting, workers, nowNanos);
        if (decision.isIdle()) {
            endVisit(worker);
        } else {
            knowWorker(worker.id());
            startedNanos[worker.id()] = nowNanos;
            if (lastStarts.size() >= MAX_MODELS_REMEMBERED && !lastStarts.containsKey(decision.job().model())) {
                lastStarts.clear();
            }
            lastStarts.computeIfAbsent(decision.job().model(), m -> new LastStart()).set(worker.id(), nowNanos);
            if (!worker.holds(decision.job().model()) || visitNanos[worker.id()] == UNKNOWN) {
                visitNanos[worker.id()] = nowNanos;  // a load, or its model's jobs again after a pause
            }
        }
        return decision;
    }

    private Decision choose(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        String own = worker.model();
        forgetGateUnlessHolding(worker, own);
        Job<?> ownHead = own == null ? null : waiting.head(own);
        Decision overdue = overdue(worker, ownHead, waiting, workers, nowNanos);
        if (overdue != null) {
            return overdue;
        }
        Decision decision;
        if (ownHead != null) {
            int count = waiting.count(own);
            decision = Decision.run(ownHead, () -> "kept " + own + ": " + count + " waiting");
        } else {
            decision = nextModel(worker, waiting, workers, nowNanos);
        }
        return overloaded ? sayingTheBoundStoodDown(decision, nowNanos) : decision;
    }

    // an overdue job started under rules 2 to 4 says why the bound did not start it sooner, so
    // that a long wait is not taken for the bound failing
    private Decision sayingTheBoundStoodDown(Decision decision, long nowNanos) {
        if (decision.isIdle() || !isOverdue(decision.job(), nowNanos)) {
            return decision;
        }
        return Decision.run(decision.job(), () -> decision.reason() + "; overloaded, so max-wait stands down");
    }

    // a worker left idle has served its model without a break only until now
    private void endVisit(WorkerView worker) {
        if (worker.id() < visitNanos.length) {
            visitNanos[worker.id()] = UNKNOWN;
        }
    }

    // per-worker state is kept in arrays indexed by worker id, grown as ids come (doubled: grown by
    // one, 100,000 workers met one by one copied them for seconds)
    private void knowWorker(int id) {
        if (id >= gates.length) {
            int length = Math.max(id + 1, 2 * gates.length);
            gates = Arrays.copyOf(gates, length);
            int known = visitNanos.length;
            startedNanos = Arrays.copyOf(startedNanos, length);
            Arrays.fill(startedNanos, known, length, UNKNOWN);
            visitNanos = Arrays.copyOf(visitNanos, length);
            Arrays.fill(visitNanos, known, length, UNKNOWN);
        }
    }

    // a gate holds while the worker keeps the model it was forced to load: every switch is decided
    // here, so the next decision sees another model (or none, after a failed load or going down)
    private void forgetGateUnlessHolding(WorkerView worker, String own) {
        if (worker.id() < gates.length && gates[worker.id()] != null && !gates[worker.id()].model.equals(own)) {
            gates[worker.id()] = null;
        }
    }

    // the worker loaded its model for an overdue job, and this job was waiting then (gated service)
    private boolean isGated(WorkerView worker, Job<?> ownHead) {
        Gate gate = worker.id() < gates.length ? gates[worker.id()] : null;
        return gate != null && gate.model.equals(ownHead.model()) && ownHead.submittedNanos() <= gate.loadedNanos;
    }

    private boolean isOverdue(Job<?> job, long nowNanos) {
        return nowNanos - job.effectiveNanos() > maxWaitNanos;
    }

    private Decision overdue(WorkerView worker, Job<?> ownHead, Waiting waiting, Workers workers, long nowNanos) {
        if (isOverloaded(waiting, workers, nowNanos)) {
            return overloadedTurn(worker, ownHead, waiting, workers, nowNanos);
        }
        Job<?> oldest = oldestOverdueElsewhere(worker, waiting, workers, nowNanos);
        // its own overdue head needs no load, but not before an older overdue job: with head starts,
        // a stream of priority jobs is overdue at once and would keep an older job waiting
        if (ownHead != null && isOverdue(ownHead, nowNanos)
                && (oldest == null || ownHead.effectiveNanos() <= oldest.effectiveNanos())) {
            String model = ownHead.model();
            return Decision.run(ownHead, () -> "kept " + model + ": " + Reasons.overdue("head", ownHead, nowNanos, maxWaitNanos));
        }
        if (oldest == null) {
            return null;
        }
        if (ownHead != null && isGated(worker, ownHead)) {
            String model = ownHead.model();
            return Decision.run(ownHead, () -> "kept " + model + ": finishing the jobs that waited when max-wait made it load "
                    + model);
        }
        knowWorker(worker.id());
        gates[worker.id()] = new Gate(oldest.model(), nowNanos);
        int holders = waiting.holders(oldest.model());  // others hold it only when each is stuck
        return Decision.run(oldest, () -> Reasons.choice(worker, oldest, Reasons.overdue("oldest", oldest, nowNanos, maxWaitNanos)
                + (holders == 0 ? "" : "; its " + holders + " holder(s) on one job each for longer than max-wait")));
    }

    // overloaded, the bound cannot hold for every job, but no job may wait for ever behind models
    // whose queues never empty: a worker that has served its model without a break for longer than
    // max-wait and TURN_LOADS load times leaves it for the oldest overdue job (by effective age, as
    // the bound orders them) if that job has really waited past max-wait and is older than its own
    // head (time-limited exhaustive service)
    private Decision overloadedTurn(WorkerView worker, Job<?> ownHead, Waiting waiting, Workers workers, long nowNanos) {
        int id = worker.id();
        if (ownHead == null || id >= visitNanos.length || visitNanos[id] == UNKNOWN || nowNanos - visitNanos[id] <= maxWaitNanos) {
            return null;
        }
        Job<?> oldest = oldestOverdueElsewhere(worker, waiting, workers, nowNanos);
        if (oldest == null || oldest.waitedNanos(nowNanos) <= maxWaitNanos || oldest.effectiveNanos() >= ownHead.effectiveNanos()
                || nowNanos - visitNanos[id] <= TURN_LOADS * costs.loadNanos(oldest.model())) {
            return null;
        }
        gates[id] = new Gate(oldest.model(), nowNanos);
        long served = nowNanos - visitNanos[id];
        return Decision.run(oldest, () -> Reasons.choice(worker, oldest, "overloaded, but " + worker.model() + " has kept this worker "
                + Reasons.seconds(served) + ", longer than max-wait, while " + Reasons.overdue("this job", oldest, nowNanos, maxWaitNanos)));
    }

    // the oldest overdue head of a model no worker holds, or of a held one whose holders are all
    // stuck (older than that unheld head, of the first few held models): a holder about to serve
    // its model's overdue job would make this worker's load a waste, and so would two workers
    // loading the same overdue model at once. At equal age the unheld model goes first
    private Job<?> oldestOverdueElsewhere(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        if (!isOverdue(waiting.oldestHead(), nowNanos)) {
            return null;  // nothing is overdue: the usual case, in O(1) and without a walk
        }
        Job<?> unheld = waiting.oldestUnheldHead();
        Job<?> oldest = unheld != null && isOverdue(unheld, nowNanos) ? unheld : null;
        int examined = 0;
        for (WaitingModel held : waiting.heldModelsByAge()) {
            Job<?> head = held.head();
            if (!isOverdue(head, nowNanos) || oldest != null && head.effectiveNanos() >= oldest.effectiveNanos()
                    || examined++ == CANDIDATES) {
                break;
            }
            if (!worker.holds(held.model()) && stuckSinceNanos(held.model(), workers) < nowNanos) {
                return head;
            }
        }
        return oldest;
    }

    // from when every holder of model has been on one job for longer than max-wait (it may not end
    // soon: a long job, a hung upstream); never while a holder is idle (it serves its model next)
    private long stuckSinceNanos(String model, Workers workers) {
        if (workers.idleHolders(model) > 0) {
            return Decision.NEVER;
        }
        // every holder is busy, each on a job of model: the one started last ends the wait, and a
        // walk over thousands of holders (a hot model over 100,000 simulated workers) is spared
        LastStart last = lastStarts.get(model);
        if (last != null && startedNanos[last.worker] == last.nanos  // next() grew the array for it
                && last.worker < workers.all().size() && workers.all().get(last.worker).holds(model)) {
            return saturatedSum(last.nanos, maxWaitNanos);
        }
        long since = Long.MIN_VALUE;
        for (WorkerView view : workers.holding(model)) {
            int id = view.id();
            if (view.state() != WorkerState.BUSY || id >= startedNanos.length || startedNanos[id] == UNKNOWN) {
                return Decision.NEVER;
            }
            since = Math.max(since, saturatedSum(startedNanos[id], maxWaitNanos));
        }
        return since;
    }

    // a + b, or Decision.NEVER past a long (max-wait may be configured up to 106751d)
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (b > 0 ? Decision.NEVER : Long.MIN_VALUE) : sum;
    }

    // the bound has failed once the oldest head is twice overdue and has really waited past max-wait
    // (a head start alone proves nothing about the load), or cannot hold once the waiting work needs
    // longer than max-wait to start; it is back once that work needs at most half of max-wait and
    // either the oldest head has not really waited past max-wait or that has lasted max-wait (calm)
    private boolean isOverloaded(Waiting waiting, Workers workers, long nowNanos) {
        Job<?> oldest = waiting.oldestHead();
        long age = nowNanos - oldest.effectiveNanos();
        long waited = oldest.waitedNanos(nowNanos);
        double drain = drainNanos(waiting, workers);
        boolean calm = isCalm(drain, nowNanos);
        if (age > OVERLOAD_FACTOR * maxWaitNanos && waited > maxWaitNanos && !calm
                || drain > maxWaitNanos && costs.hasSeenALoad()) {  // with a guessed load time D proves nothing
            overloaded = true;
        } else if ((waited <= maxWaitNanos || calm) && drain <= maxWaitNanos / 2.0) {
            overloaded = false;
        }
        return overloaded;
    }

    // whether the waiting work has needed at most half of max-wait for max-wait: jobs still overdue
    // then are left over from an overload that has passed, not a sign of one
    private boolean isCalm(double drain, long nowNanos) {
        if (drain > maxWaitNanos / 2.0) {
            calmSinceNanos = NOT_CALM;
            return false;
        }
        if (calmSinceNanos == NOT_CALM) {
            calmSinceNanos = nowNanos;
        }
        return nowNanos - calmSinceNanos >= maxWaitNanos;
    }

    // at least how long the workers need to start every waiting job, whatever the order: each model
    // no worker holds needs a load, each job its time (costs averaged over all models)
    private double drainNanos(Waiting waiting, Workers workers) {
        double work = waiting.unheldModelCount() * costs.averageLoadNanos() + waiting.size() * costs.averageProcessNanos();
        return work / workers.all().size();
    }

    private Decision nextModel(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        WaitingModel unheld = oldestUnheld(waiting);
        WaitingModel joined = unheld == null ? oldestJoinable(worker, waiting, nowNanos) : fallingBehind(waiting, unheld, nowNanos);
        if (joined != null) {
            return join(worker, joined, unheld, nowNanos);
        }
        Job<?> chosen = unheld != null ? unheld.head() : batchWorthSharing(waiting);
        if (chosen == null) {
            return Decision.idleUntil(whenTheBoundMayTakeAHeldJob(waiting, workers, nowNanos),
                    "every waiting model is held by a busy worker and too small to share");
        }
        return Reasons.decide(worker, chosen, waiting, nowNanos);
    }

    // every waiting model is held by a busy worker: the bound may take one of their jobs once it is
    // overdue and its holders are stuck, and no arrival or completion need happen by then, so the
    // dispatcher is asked to ask again at that time. While overloaded: when the calm that has begun
    // may end the overload, or, before it begins (it may begin, or the overload end, in a busy
    // worker's decision, which asks no idle worker again), in half of max-wait
    private long whenTheBoundMayTakeAHeldJob(Waiting waiting, Workers workers, long nowNanos) {
        if (overloaded) {
            return calmSinceNanos == NOT_CALM ? saturatedSum(nowNanos, maxWaitNanos / 2)
                    : saturatedSum(calmSinceNanos, maxWaitNanos);
        }
        long earliest = Decision.NEVER;
        int examined = 0;
        for (WaitingModel held : waiting.heldModelsByAge()) {
            long overdueAt = saturatedSum(saturatedSum(held.head().effectiveNanos(), maxWaitNanos), 1);
            if (overdueAt >= earliest || examined++ == CANDIDATES) {
                break;  // the others' heads are younger
            }
            long stuckAt = stuckSinceNanos(held.model(), workers);
            if (stuckAt != Decision.NEVER) {
                earliest = Math.min(earliest, Math.max(overdueAt, saturatedSum(stuckAt, 1)));
            }
        }
        return earliest;
    }

    // the model no worker holds whose head is oldest; among heads as old, of batches, the largest
    private static WaitingModel oldestUnheld(Waiting waiting) {
        WaitingModel oldest = waiting.oldestUnheldModel();
        if (oldest == null || !oldest.arrivedTogether()) {
            return oldest;  // only batches compete on size
        }
        WaitingModel best = null;
        long oldestEffective = 0;
        int examined = 0;
        for (WaitingModel candidate : waiting.unheldModelsByAge()) {
            if (best == null) {
                best = candidate;
                oldestEffective = candidate.head().effectiveNanos();
            } else if (candidate.head().effectiveNanos() != oldestEffective) {
                break;  // younger than the oldest: only heads as old, of batches, compete on size
            } else if (candidate.count() > best.count() && candidate.arrivedTogether() && best.arrivedTogether()) {
                best = candidate;
            }
            if (++examined == CANDIDATES) {
                break;
            }
        }
        return best;
    }

    // nothing unheld waits: the held model with the oldest head that one more worker may serve,
    // unless this worker's own stream comes back sooner than that model's holders need help
    private WaitingModel oldestJoinable(WorkerView worker, Waiting waiting, long nowNanos) {
        int examined = 0;
        for (WaitingModel held : waiting.heldModelsByAge()) {
            if (isStream(held)) {
                return staysOnItsStream(worker, held, nowNanos) ? null : held;
            }
            if (++examined == CANDIDATES) {
                break;
            }
        }
        return null;
    }

    // delay scheduling (Zaharia et al.): a worker whose own model expects STAY_JOBS jobs or more
    // while it would load the other one keeps its model for them, rather than join a stream whose
    // holders keep up and leave its own to a load by someone else; a lone job has its own rule
    private boolean staysOnItsStream(WorkerView worker, WaitingModel held, long nowNanos) {
        String own = worker.model();
        return own != null && !held.arrivedTogether() && !outpacesHolders(held, nowNanos)
                && costs.arrivalsPerNano(own, nowNanos) * costs.loadNanos(held.model()) >= STAY_JOBS;
    }

    // the oldest held stream whose head is older than the oldest unheld head and whose jobs arrive
    // faster than its holders serve them
    private WaitingModel fallingBehind(Waiting waiting, WaitingModel unheld, long nowNanos) {
        long unheldHead = unheld.head().effectiveNanos();
        int examined = 0;
        for (WaitingModel held : waiting.heldModelsByAge()) {
            if (held.head().effectiveNanos() >= unheldHead || examined++ == CANDIDATES) {
                break;
            }
            if (isStream(held) && outpacesHolders(held, nowNanos)) {
                return held;
            }
        }
        return null;
    }

    // one more worker may serve it: its jobs keep coming (not a batch), or it is a lone job whose
    // model loads in at most LONE_JOB_LOADS job times
    private boolean isStream(WaitingModel held) {
        return !held.arrivedTogether() || held.arrivedSinceEmpty() == 1 && loadsCheaply(held.model());
    }

    // before any load was measured the load time is only the configured default: a lone job is then
    // shared, as a work-conserving server would, rather than left for a busy holder on a guess
    private boolean loadsCheaply(String model) {
        if (!costs.hasSeenALoad()) {
            return true;
        }
        return costs.loadNanos(model) <= LONE_JOB_LOADS * costs.processNanos(model);
    }

    // arrival rate x job time > OUTPACE_MARGIN x holders: more work arrives than its holders can do
    private boolean outpacesHolders(WaitingModel held, long nowNanos) {
        String model = held.model();
        return costs.arrivalsPerNano(model, nowNanos) * costs.processNanos(model) > OUTPACE_MARGIN * held.holders();
    }

    private Decision join(WorkerView worker, WaitingModel held, WaitingModel unheld, long nowNanos) {
        Job<?> head = held.head();
        int holders = held.holders();
        int count = held.count();
        long waited = head.waitedNanos(nowNanos);
        String why;
        if (unheld != null) {
            why = "its jobs arrive faster than " + holders + " worker(s) serve them and its head is older than "
                    + unheld.model() + "'s";
        } else if (held.arrivedTogether()) {
            why = costs.hasSeenALoad() ? "a lone job, its model loads in at most " + LONE_JOB_LOADS + " job times"
                    : "a lone job, and no load was measured yet";
        } else {
            why = "nothing else waits and its jobs are not one batch";
        }
        return Decision.run(head, () -> Reasons.choice(worker, head, "shared with " + holders + " worker(s), " + why
                + "; " + count + " waiting, head waited " + Reasons.seconds(waited)));
    }

    // a batch (its jobs arrived together) held by other workers whose backlog pays for one more
    // worker; this worker's own model has no jobs left, so every held model with jobs is another's
    private Job<?> batchWorthSharing(Waiting waiting) {
        int examined = 0;
        for (WaitingModel held : waiting.heldModelsByAge()) {
            int h = held.holders();
            double backlog = held.count() * costs.processNanos(held.model());
            if (backlog > 2.0 * h * (h + 1) * costs.loadNanos(held.model())) {
                return held.head();
            }
            if (++examined == CANDIDATES) {
                break;
            }
        }
        return null;
    }

    /** The worker given a job of a model last, and when. */
    private static final class LastStart {
        int worker;
        long nanos;

        void set(int worker, long nanos) {
            this.worker = worker;
            this.nanos = nanos;
        }
    }

    /** A model a worker loaded for an overdue job, and when. */
    private record Gate(String model, long loadedNanos) {
    }

    @Override
    public String toString() {
        return NAME + "(max-wait=" + DurationText.of(Duration.ofNanos(maxWaitNanos)) + ", default-load-time="
                + DurationText.of(defaultLoadTime) + ", default-process-time=" + DurationText.of(defaultProcessTime) + ")";
    }
}
