package io.tributary.jobs.driver;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentContext;
import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.execution.FatalErrors;
import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a pipeline: for each component in order, resolve its inputs from this run's upstream
 * outputs, compute its cache key, and either reuse a COMPLETE execution with that key whose
 * outputs are still LIVE (recorded as CACHED) or run it (RUNNING with PENDING outputs, then
 * COMPLETE with LIVE outputs in one transaction; FAILED with ABANDONED outputs and nothing left on
 * disk when it throws). A failed component stops the run.
 *
 * <pre>{@code
 * try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
 *   RunSummary run = new Driver(store, ComponentRegistry.standard(), System.out)
 *       .run(PipelineYaml.read(Path.of("pipeline.yaml"), ComponentRegistry.standard()), settings);
 * }
 * }</pre>
 *
 * <p>Artifacts live at {@code <root>/<ComponentId>/<output>/<execution id>/}, as in TFX. Every
 * execution is associated with the pipeline, the pipeline run and the component contexts, and
 * every artifact attributed to them, so lineage and "latest" questions can be asked per pipeline.
 */
public final class Driver {

  /** Input event names of the raw files a component read: {@code source-0}, {@code source-1}, ... */
  public static final String SOURCE_PREFIX = "source-";

  /** Custom property of a CANCELED execution: why the driver skipped it. */
  public static final String SKIP_REASON = "skip_reason";

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Runs started by this process; with the pid and the time it makes run ids unique. */
  private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

  private final MetadataStore store;
  private final ComponentRegistry registry;
  private final PrintStream out;

  public Driver(MetadataStore store, ComponentRegistry registry, PrintStream out) {
    this.store = store;
    this.registry = registry;
    this.out = out;
  }

  /**
   * Runs {@code pipeline}; first every component reads the files it names, and a mistake in any of
   * them is a {@link io.tributary.jobs.pipeline.PipelineException} before anything is recorded or
   * run. After each step the components that read its outputs check what needs the data (the
   * label's type, the columns named), and a mistake stops the run there.
   */
  public RunSummary run(PipelineDefinition pipeline, DriverSettings settings) {
    long started = System.nanoTime();
    Preflight.check(pipeline, registry);
    WellKnownTypes.registerAll(store);
    registry.types().forEach(type -> store.registerType(NodeType.execution(type)));
    Path root = pipeline.root() != null ? pipeline.root() : settings.home().resolve("pipelines").resolve(pipeline.name());
    String runId = RUN_ID.format(Instant.now()) + "-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    Context pipelineContext = store.ensureContext(WellKnownTypes.PIPELINE, pipeline.name());
    Context runContext = store.ensureContext(WellKnownTypes.PIPELINE_RUN, pipeline.name() + "." + runId);
    store.setParentContext(runContext.id(), pipelineContext.id());
    StaleExecutions.recover(store, pipeline.name(), pipelineContext, out);
    out.println("[run] " + pipeline.name() + " run " + runId + ": " + pipeline.components().size()
        + " components, artifacts under " + root);
    SelectionBias.warnings(pipeline).forEach(warning -> out.println("[run] " + warning));

    Map<String, Map<String, Artifact>> produced = new HashMap<>();
    List<StepResult> steps = new ArrayList<>();
    for (ComponentSpec spec : pipeline.components()) {
      Context componentContext = store.ensureContext(WellKnownTypes.COMPONENT, pipeline.name() + "." + spec.id());
      store.setParentContext(componentContext.id(), pipelineContext.id());
      List<Context> contexts = List.of(pipelineContext, runContext, componentContext);
      StepResult step = step(pipeline, spec, root, settings, produced, contexts, runId);
      steps.add(step);
      out.println("[run] " + step.line());
      if (step.error() != null) {
        break;
      }
      var mistake = Preflight.checkDownstream(pipeline, spec, registry, produced);
      if (mistake.isPresent()) {
        ComponentSpec later = mistake.get().getKey();
        StepResult stopped = new StepResult(later.id(), later.type(), ExecutionState.FAILED.name(), 0, 0, Map.of(),
            null, "configuration error, found before it ran: " + mistake.get().getValue());
        steps.add(stopped);
        out.println("[run] " + stopped.line());
        break;
      }
    }
    RunSummary summary = new RunSummary(pipeline.name(), runId, steps, (System.nanoTime() - started) / 1e9);
    out.println(String.format("[run] %s %s in %.1f s", pipeline.name(), summary.outcome(), summary.seconds()));
    for (StepResult step : steps) {
      RunReport.reportsOf(step).forEach(report -> out.println("[run] report: " + report));
    }
    try {
      out.println("[run] run report: " + RunReport.write(root.resolve("runs").resolve(runId).resolve("run.html"), pipeline, summary));
    } catch (java.io.IOException e) {
      out.println("[run] could not write run.html: " + e.getMessage());
    }
    return summary;
  }

  private StepResult step(
      PipelineDefinition pipeline,
      ComponentSpec spec,
      Path root,
      DriverSettings settings,
      Map<String, Map<String, Artifact>> produced,
      List<Context> contexts,
      String runId) {
    long started = System.nanoTime();
    String executionName = pipeline.name() + "." + spec.id() + "." + runId;
    Component component = registry.get(spec.type());
    InputResolver.Resolution resolution = new InputResolver(store).resolve(pipeline.name(), spec, produced);
    Map<String, Artifact> inputs = resolution.bound();
    Map<String, Path> inputPaths = new LinkedHashMap<>();
    inputs.forEach((name, artifact) -> inputPaths.put(name, Path.of(artifact.uri())));
    for (var unbound : resolution.unresolved().entrySet()) {
      if (component.optionalInputs().contains(unbound.getKey())) {
        out.println("[run] " + spec.id() + ": input " + unbound.getKey() + " left out: " + unbound.getValue());
      } else {
        return new StepResult(spec.id(), spec.type(), ExecutionState.FAILED.name(), seconds(started), 0, Map.of(),
            null, "input " + unbound.getKey() + ": " + unbound.getValue());
      }
    }
    for (var missing : resolution.skippedUpstream().entrySet()) {
      if (!component.optionalInputs().contains(missing.getKey())) {
        return skip(spec, component, inputs, contexts, executionName, started,
            "input " + missing.getKey() + " was not produced: " + missing.getValue() + " was skipped");
      }
    }

    ComponentContext probe = new ComponentContext(pipeline.name(), spec.id(), spec.parameters(), inputPaths,
        placeholderOutputs(component, root, spec), pipeline.baseDir(), settings.runnerArgs(), out);
    String key;
    try {
      Optional<String> skipReason = component.skipReason(probe);
      if (skipReason.isPresent()) {
        return skip(spec, component, inputs, contexts, executionName, started, skipReason.get());
      }
      key = CacheKey.of(component.type(), component.version(), spec.parameters(), inputs,
          component.externalFingerprint(probe), CodeVersion.current(), settings.runnerArgs());
      inputs = withSources(inputs, component.externalInputs(probe));
    } catch (Exception e) {
      return new StepResult(spec.id(), spec.type(), ExecutionState.FAILED.name(), seconds(started), 0, Map.of(),
          null, "cannot check its inputs: " + e.getMessage());
    }

    if (settings.mayUseCache(spec.id())) {
      var cached = store.findCachedExecution(key);
      if (cached.isPresent()) {
        Map<String, Artifact> outputs = outputsOf(cached.get());
        if (outputs.keySet().containsAll(component.outputs().keySet())) {
          Execution reuse = Execution.of(component.type()).withState(ExecutionState.CACHED).withCacheKey(key)
              .withName(executionName)
              .withCustomProperty("cached_from", Value.of(cached.get().id()));
          var publication = store.publishExecution(reuse, events(inputs, outputs), contexts);
          produced.put(spec.id(), outputs);
          return new StepResult(spec.id(), spec.type(), ExecutionState.CACHED.name(), seconds(started),
              publication.execution().id(), uris(outputs), rows(outputs), stopReason(outputs));
        }
      }
    }
    return execute(pipeline, spec, component, root, settings, inputs, inputPaths, key, contexts, produced, started,
        executionName);
  }

  private StepResult execute(
      PipelineDefinition pipeline, ComponentSpec spec, Component component, Path root, DriverSettings settings,
      Map<String, Artifact> inputs, Map<String, Path> inputPaths, String key, List<Context> contexts,
      Map<String, Map<String, Artifact>> produced, long started, String executionName) {
    Execution created = store.putExecution(
        Execution.of(component.type()).withState(ExecutionState.RUNNING).withCacheKey(key)
            .withName(executionName)
            .withCustomProperty(StaleExecutions.PIPELINE, Value.of(pipeline.name()))
            .withCustomProperty(StaleExecutions.PID, Value.of(ProcessHandle.current().pid()))
            .withCustomProperty(StaleExecutions.HOST, Value.of(hostName())));
    store.associate(contexts.get(0).id(), created.id());
    Map<String, Artifact> pending = new LinkedHashMap<>();
    Map<String, Path> outputPaths = new LinkedHashMap<>();
    component.outputs().forEach((name, type) -> {
      Path uri = OutputFolders.fresh(root.resolve(spec.id()).resolve(name), created.id());
      outputPaths.put(name, uri);
      pending.put(name, store.putArtifact(
          Artifact.of(type, uri.toString()).withName(pipeline.name() + "." + spec.id() + "." + name + "." + created.id())));
    });
    Execution running = store.putExecution(created.withCustomProperty(StaleExecutions.PENDING_OUTPUTS, Value.of(
        pending.values().stream().map(a -> String.valueOf(a.id())).collect(Collectors.joining(",")))));
    out.println("[run] " + spec.id() + " (" + spec.type() + ") running, execution " + running.id());
    try {
      ComponentContext context = new ComponentContext(pipeline.name(), spec.id(), spec.parameters(), inputPaths,
          outputPaths, pipeline.baseDir(), settings.runnerArgs(), out);
      Map<String, Map<String, Object>> properties = component.execute(context);
      Map<String, Artifact> live = new LinkedHashMap<>();
      pending.forEach((name, artifact) -> {
        Artifact done = artifact.withState(ArtifactState.LIVE);
        for (var property : properties.getOrDefault(name, Map.of()).entrySet()) {
          done = done.withCustomProperty(property.getKey(), value(property.getValue()));
        }
        done = withModelId(done, inputs);
        live.put(name, done);
      });
      var publication = store.publishExecution(running.withState(ExecutionState.COMPLETE), events(inputs, live), contexts);
      Map<String, Artifact> stored = outputsOf(publication.execution());
      produced.put(spec.id(), stored);
      return new StepResult(spec.id(), spec.type(), ExecutionState.COMPLETE.name(), seconds(started),
          running.id(), uris(stored), rows(stored), stopReason(stored));
    } catch (Exception | Error e) {
      // An Error too (out of memory, above all): the execution is recorded FAILED before the
      // process ends, and its partial outputs are removed.
      List<ArtifactAndEvent> abandoned = new ArrayList<>();
      pending.forEach((name, artifact) -> {
        StaleExecutions.delete(Path.of(artifact.uri()));
        abandoned.add(ArtifactAndEvent.output(artifact.withState(ArtifactState.ABANDONED), name));
      });
      store.publishExecution(running.withState(ExecutionState.FAILED), abandoned, contexts);
      return new StepResult(spec.id(), spec.type(), ExecutionState.FAILED.name(), seconds(started), running.id(),
          Map.of(), null, FatalErrors.describe(e).orElseGet(() -> rootMessage(e)));
    }
  }

  /**
   * Records a skipped step as a CANCELED execution with its inputs and the reason, so that lineage
   * shows why, for example, no model was pushed.
   */
  private StepResult skip(ComponentSpec spec, Component component, Map<String, Artifact> inputs, List<Context> contexts,
      String executionName, long started, String reason) {
    Execution skipped = Execution.of(component.type()).withState(ExecutionState.CANCELED).withName(executionName)
        .withCustomProperty(SKIP_REASON, Value.of(reason));
    var publication = store.publishExecution(skipped, events(inputs, Map.of()), contexts);
    return StepResult.skipped(spec.id(), spec.type(), seconds(started), publication.execution().id(), reason);
  }

  /**
   * Adds the raw files a component reads as {@code ExternalFile} input artifacts ({@code
   * source-0}, {@code source-1}, ...), reusing the artifact already recorded for a path; they end
   * the lineage of everything made from them. They are not part of the cache key, which has the
   * files' fingerprint instead.
   */
  private Map<String, Artifact> withSources(Map<String, Artifact> inputs, List<String> files) {
    if (files.isEmpty()) {
      return inputs;
    }
    Map<String, Artifact> all = new LinkedHashMap<>(inputs);
    for (int i = 0; i < files.size(); i++) {
      String uri = files.get(i);
      Artifact file = store.findArtifacts(Query.all().withType(WellKnownTypes.EXTERNAL_FILE).withUri(uri)
              .withState(ArtifactState.LIVE).limit(1)).stream().findFirst()
          .orElseGet(() -> store.putArtifact(Artifact.of(WellKnownTypes.EXTERNAL_FILE, uri).withState(ArtifactState.LIVE)));
      all.put(SOURCE_PREFIX + i, file);
    }
    return all;
  }

  /**
   * A blessing or a pushed model names the model it concerns ({@link WellKnownTypes#MODEL_ID}):
   * the component's {@code model} input.
   */
  private static Artifact withModelId(Artifact output, Map<String, Artifact> inputs) {
    boolean namesModel = output.type().equals(WellKnownTypes.MODEL_BLESSING)
        || output.type().equals(WellKnownTypes.PUSHED_MODEL);
    Artifact model = inputs.get("model");
    if (!namesModel || model == null) {
      return output;
    }
    return output.withProperty(WellKnownTypes.MODEL_ID, Value.of(model.id()));
  }

  private static Map<String, Path> placeholderOutputs(Component component, Path root, ComponentSpec spec) {
    Map<String, Path> outputs = new LinkedHashMap<>();
    component.outputs().keySet().forEach(name -> outputs.put(name, root.resolve(spec.id()).resolve(name).resolve("0")));
    return outputs;
  }

  private static List<ArtifactAndEvent> events(Map<String, Artifact> inputs, Map<String, Artifact> outputs) {
    List<ArtifactAndEvent> events = new ArrayList<>();
    inputs.forEach((name, artifact) -> events.add(ArtifactAndEvent.input(artifact, name)));
    outputs.forEach((name, artifact) -> events.add(ArtifactAndEvent.output(artifact, name)));
    return events;
  }

  private Map<String, Artifact> outputsOf(Execution execution) {
    Map<String, Artifact> outputs = new LinkedHashMap<>();
    for (Event event : store.events(TypeKind.EXECUTION, execution.id())) {
      if (event.type() == EventType.OUTPUT && !event.path().isEmpty()) {
        outputs.put(event.path().get(0), store.getArtifact(event.artifactId()));
      }
    }
    return outputs;
  }

  private static Map<String, String> uris(Map<String, Artifact> artifacts) {
    Map<String, String> uris = new LinkedHashMap<>();
    artifacts.forEach((name, artifact) -> uris.put(name, artifact.uri()));
    return uris;
  }

  /** Why an output stops the run ({@link Component#STOP_REASON}), or null. */
  private static String stopReason(Map<String, Artifact> outputs) {
    return outputs.values().stream()
        .map(a -> a.customProperties().get(Component.STOP_REASON))
        .filter(java.util.Objects::nonNull)
        .map(v -> "stops the run: " + v.asString())
        .findFirst()
        .orElse(null);
  }

  /** The rows of the first output that counts them. */
  private static Long rows(Map<String, Artifact> outputs) {
    return outputs.values().stream()
        .map(a -> a.customProperties().get("rows"))
        .filter(java.util.Objects::nonNull)
        .map(Value::asLong)
        .findFirst()
        .orElse(null);
  }

  private static Value value(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return Value.of(((Number) value).longValue());
    }
    if (value instanceof Double) {
      return Value.of((Double) value);
    }
    return Value.of(String.valueOf(value));
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception unknown) {
      return "localhost";
    }
  }
}
