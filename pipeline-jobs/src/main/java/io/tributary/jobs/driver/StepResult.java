package io.tributary.jobs.driver;

import java.util.Map;

/**
 * How one component fared in a run.
 *
 * @param state COMPLETE, CACHED or FAILED
 * @param outputs output name to the artifact's folder
 */
public record StepResult(
    String componentId, String type, String state, double seconds, long executionId, Map<String, String> outputs,
    String error) {}
