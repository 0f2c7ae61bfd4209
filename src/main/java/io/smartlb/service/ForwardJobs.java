package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Returns whether a DONE job's result tells what it cost: not a pass-through upstream's error answer. */
    static boolean tellsCost(JsonNode result) {
        ForwardResponse response = response(result);
        return response == null || response.status() / 100 == 2;
    }

    /** Returns the upstream's answer held in a DONE pass-through job's result, or null. */
    public static ForwardResponse response(JsonNode result) {
        return result instanceof POJONode pojo && pojo.getPojo() instanceof ForwardResponse response ? response : null;
    }

    /**
     * Returns the result a job's view shows: a pass-through answer is bytes for its own client, so
     * the view shows what it was ({@code upstreamStatus, contentType, bytes}), not the bytes.
     */
    public static JsonNode shown(JsonNode result) {
        ForwardResponse response = response(result);
        if (response == null) {
            return result;
        }
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("upstreamStatus", response.status());
        summary.put("contentType", response.contentType());
        summary.put("bytes", response.body().length);
        return summary;
    }

    /** Returns whether a job's data is a pass-through request (its view shows no data or result). */
    public static boolean isPassThrough(JsonNode data) {
        return isForward(data);
    }
}
