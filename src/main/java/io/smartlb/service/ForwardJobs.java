package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.smartlb.backend.ForwardRequest;
import io.smartlb.backend.ForwardResponse;

/**
 * Pass-through jobs ride the same queue as JSON jobs: their request and response travel as
 * {@link POJONode}s, which parsed JSON never produces, so a client cannot forge one.
 */
public final class ForwardJobs {

    private ForwardJobs() {
    }

    static JsonNode data(ForwardRequest request) {
        return new POJONode(request);
    }

    static boolean isForward(JsonNode data) {
        return data instanceof POJONode pojo && pojo.getPojo() instanceof ForwardRequest;
    }

    static ForwardRequest request(JsonNode data) {
        return (ForwardRequest) ((POJONode) data).getPojo();
    }

    static JsonNode wrap(ForwardResponse response) {
        return new POJONode(response);
    }

    /** Returns the upstream's answer held in a DONE pass-through job's result, or null. */
    public static ForwardResponse response(JsonNode result) {
        return result instanceof POJONode pojo && pojo.getPojo() instanceof ForwardResponse response ? response : null;
    }

    /** Returns whether a job's data is a pass-through request (its view shows no data or result). */
    public static boolean isPassThrough(JsonNode data) {
        return isForward(data);
    }
}
