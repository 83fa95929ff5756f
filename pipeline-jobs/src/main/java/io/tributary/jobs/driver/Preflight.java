package io.tributary.jobs.driver;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.InputReference;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineException;
import io.tributary.metadata.Artifact;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a pipeline's configuration that go beyond the pipeline file, so that a mistake
 * costs seconds, not the minutes of the steps before the one that reads it.
 *
 * <ul>
 *   <li>{@link #check}, before the first step: every component reads the files it names ({@link
 *       Component#validate}), with every step and metric name in them. All mistakes are reported
 *       at once, one per line, each {@code file:line: what to fix}.
 *   <li>{@link #checkDownstream}, after each step: every later component that reads its outputs
 *       checks what needs the data ({@link Component#validateInputs}): after ExampleGen, the
 *       label's type against the task and the columns the transform spec and evaluation config
 *       name.
 * </ul>
 */
final class Preflight {

  private Preflight() {}

  /** Fails with every mistake in the files the components name, one per line. */
  static void check(PipelineDefinition pipeline, ComponentRegistry registry) {
    List<String> mistakes = new ArrayList<>();
    for (ComponentSpec spec : pipeline.components()) {
      try {
        registry.get(spec.type()).validate(spec.parameters(), pipeline.baseDir());
      } catch (UsageException | UncheckedIOException e) {
        mistakes.add(e.getMessage());
      } catch (IllegalArgumentException e) {
        mistakes.add(new PipelineException(spec.location(), "component '" + spec.id() + "': " + e.getMessage())
            .getMessage());
      }
    }
    if (!mistakes.isEmpty()) {
      throw new PipelineException(null, String.join("\n", mistakes));
    }
  }

  /**
   * After {@code finished} produced its outputs: the first later component whose data checks fail,
   * with why, or empty. Each component is given every input this run has produced so far.
   */
  static Optional<Map.Entry<ComponentSpec, String>> checkDownstream(PipelineDefinition pipeline, ComponentSpec finished,
      ComponentRegistry registry, Map<String, Map<String, Artifact>> produced) {
    List<ComponentSpec> components = pipeline.components();
    for (ComponentSpec later : components.subList(components.indexOf(finished) + 1, components.size())) {
      if (!later.upstreams().contains(finished.id())) {
        continue;
      }
      Map<String, Path> inputs = new LinkedHashMap<>();
      later.references().forEach((input, reference) -> {
        if (reference instanceof InputReference.Upstream upstream) {
          Artifact artifact = produced.getOrDefault(upstream.component(), Map.of()).get(upstream.output());
          if (artifact != null) {
            inputs.put(input, Path.of(artifact.uri()));
          }
        }
      });
      try {
        registry.get(later.type()).validateInputs(later.parameters(), pipeline.baseDir(), inputs);
      } catch (UsageException | IllegalArgumentException | UncheckedIOException e) {
        return Optional.of(Map.entry(later, e.getMessage()));
      }
    }
    return Optional.empty();
  }
}
