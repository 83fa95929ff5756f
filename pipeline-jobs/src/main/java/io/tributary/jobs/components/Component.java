package io.tributary.jobs.components;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of pipeline step: its typed inputs and outputs, its parameters, and how to run it.
 *
 * <p>Implementations are stateless; the driver calls {@link #execute} once per execution.
 */
public interface Component {

  /**
   * An output property that stops the run once this component's outputs are recorded (e.g.
   * validation found anomalies at or above {@code failOn}); its value says why. The outputs stay
   * LIVE, so the report explaining the stop can be read, and a cached result stops the run too.
   */
  String STOP_REASON = "stop_reason";

  /** The type name used in pipeline files, e.g. {@code ExampleGen}. */
  String type();

  /** Bump when the component's results change for the same inputs: cached results then miss. */
  int version();

  /** Input name to artifact type, e.g. {@code examples -> Examples}. */
  Map<String, String> inputs();

  /**
   * Inputs the driver may leave unbound: those resolved from the metadata store (the latest blessed
   * model as a baseline, the previous span's statistics), which a first run does not have.
   */
  default Set<String> optionalInputs() {
    return Set.of();
  }

  /** Output name to artifact type. */
  Map<String, String> outputs();

  /** Parameter name to a one-line description; no other parameter is accepted. */
  Map<String, String> parameters();

  /** Rejects impossible parameter values before anything runs (message without location). */
  default void checkParameters(Map<String, Object> parameters) {}

  /**
   * Reads and checks every file the parameters name (a transform spec, a config, a curated
   * schema), with every step and metric name in it, before any component of the pipeline runs.
   * Relative paths are relative to {@code baseDir}, the pipeline file's folder. A mistake inside a
   * file is a {@link io.tributary.jobs.options.UsageException} located in that file ({@code
   * transform.yaml:7: ...}); a parameter that names no file is an {@link IllegalArgumentException},
   * which the caller locates in the pipeline file.
   */
  default void validate(Map<String, Object> parameters, Path baseDir) {}

  /**
   * Checks what needs the data, as soon as some inputs exist and before this component (or
   * anything between) runs: the driver calls it after each step with this run's artifacts so far,
   * by input name, so that a label whose type does not suit the task fails right after ExampleGen.
   * Throws as {@link #validate} does.
   */
  default void validateInputs(Map<String, Object> parameters, Path baseDir, Map<String, Path> inputs) {}

  /**
   * A fingerprint of what the component reads from outside the pipeline (raw files), part of the
   * cache key, so that new data is never answered from the cache. Empty when it reads none.
   */
  default String externalFingerprint(ComponentContext context) throws Exception {
    return "";
  }

  /**
   * Why this execution must not run (e.g. Pusher: the model is not blessed), or empty to run it.
   * Called with the resolved inputs before the cache lookup; a skipped step records no outputs, and
   * the steps that read them are skipped too.
   */
  default Optional<String> skipReason(ComponentContext context) throws Exception {
    return Optional.empty();
  }

  /**
   * The raw files the component reads from outside the pipeline (ExampleGen's CSV files), as
   * absolute paths or URIs. The driver records each as an {@code ExternalFile} input artifact, so
   * lineage reaches back from a pushed model to the data it was trained on.
   */
  default List<String> externalInputs(ComponentContext context) throws Exception {
    return List.of();
  }

  /**
   * Runs the component; returns the properties to record on each output artifact (values are
   * {@link Long}, {@link Double} or {@link String}).
   */
  Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception;
}
