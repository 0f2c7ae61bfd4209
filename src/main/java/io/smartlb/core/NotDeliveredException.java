package io.smartlb.core;

/**
 * Thrown by {@link Work} when a job never reached its worker (a refused or reset connection before
 * any answer), so that running it elsewhere is safe. The balancer takes the worker out of service
 * and queues the job again, once; a second failure to deliver fails the job.
 */
public class NotDeliveredException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotDeliveredException(String message, Throwable cause) {
        super(message, cause);
    }
}
