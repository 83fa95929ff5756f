package io.tributary.jobs.pipeline;

/** A mistake in a pipeline definition, located ({@code pipeline.yaml:12: ...}) and naming the fix. */
public final class PipelineException extends IllegalArgumentException {

  public PipelineException(String location, String message) {
    super(location == null ? message : location + ": " + message);
  }
}
