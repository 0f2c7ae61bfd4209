package io.smartlb.api;

import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import io.smartlb.service.BalancerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the balancer is doing: its workers and its queue. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private static final long NANOS_PER_MS = 1_000_000L;

    @Inject
    BalancerService service;

    @GET
    @Path("workers")
    @Operation(summary = "Every worker: its model, state, running job and statistics")
    public List<WorkerStatus> workers() {
        return service.workers().stream().map(this::status).toList();
    }

    @GET
    @Path("queue")
    @Operation(summary = "The waiting jobs, per model")
    public QueueView queue() {
        long now = service.now();
        List<QueueView.ModelQueue> models = service.backlogs().stream()
                .map(b -> new QueueView.ModelQueue(b.model(), b.waiting(),
                        Math.max(0, now - b.earliestSubmittedNanos()) / NANOS_PER_MS))
                .toList();
        int size = models.stream().mapToInt(QueueView.ModelQueue::waiting).sum();
        return new QueueView(size, service.capacity(), models);
    }

    private WorkerStatus status(WorkerSnapshot w) {
        return new WorkerStatus(w.id(), w.model(), w.state(), w.jobId() == null ? null : w.jobId().toString(),
                w.completed(), w.failed(), w.loads(), w.completedSinceLoad(),
                w.state() == WorkerState.DOWN ? service.whyDown(w.id()) : null);
    }
}
