package io.tributary.jobs.components;

import io.tributary.jobs.artifacts.ReportTitle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one execution of a component gets from the driver.
 *
 * @param parameters as written in the pipeline (strings or lists of strings)
 * @param inputs the folder of each input artifact
 * @param outputs the folder each output must appear at; a component writes it atomically (staged,
 *     then renamed), so the folder exists only when complete
 * @param baseDir what relative paths in parameters are relative to
 * @param runnerArgs Beam options for the runner ({@code --profile=...} and pass-through options)
 */
public record ComponentContext(
    String pipeline,
    String componentId,
    Map<String, Object> parameters,
    Map<String, Path> inputs,
    Map<String, Path> outputs,
    Path baseDir,
    List<String> runnerArgs,
    PrintStream out) {

  /**
   * The pipeline's root folder: the driver places every output at {@code
   * <root>/<ComponentId>/<output>/<execution id>/}. For defaults that belong beside the artifacts
   * (the Pusher's serving directory).
   */
  public Path pipelineRoot() {
    Path output = outputs.values().iterator().next();
    return output.getParent().getParent().getParent();
  }

  /** What this execution's reports are about: {@code penguin · StatisticsGen · execution 12}. */
  public String reportSubject() {
    return ReportTitle.execution(pipeline, componentId, outputs.values().iterator().next());
  }
}
