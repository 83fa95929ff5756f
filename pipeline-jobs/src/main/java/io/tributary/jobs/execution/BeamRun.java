package io.tributary.jobs.execution;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** Runs a pipeline and waits for it; anything but success is an exception, so no output is published. */
public final class BeamRun {

  private BeamRun() {}

  public static PipelineResult toCompletion(Pipeline pipeline, Progress progress) {
    progress.say("running on " + pipeline.getOptions().getRunner().getSimpleName() + " ...");
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return result;
  }
}
