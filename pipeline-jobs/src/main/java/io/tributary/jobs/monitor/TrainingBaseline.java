package io.tributary.jobs.monitor;

import io.tributary.jobs.options.UsageException;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.Execution;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a served model version was trained on, found through lineage in the metadata store: the
 * Pusher's {@code PushedModel} of that version, the {@code Model} it names, the {@code Examples}
 * its Trainer read, the statistics StatisticsGen made of those examples and the schema SchemaGen
 * made of those statistics. The monitor compares served data with exactly that data, never with a
 * file given by hand (unless the user overrides it).
 *
 * @param pushedModel the version's PushedModel (null when the baseline was given by hand and no push is recorded)
 * @param model the Model (null likewise)
 * @param statistics the training statistics artifact (null when given by hand)
 * @param schema the schema artifact (null when given by hand)
 * @param statisticsPath StatisticsGen's output folder
 * @param schemaPath the schema file or folder
 */
record TrainingBaseline(
    Artifact pushedModel, Artifact model, Artifact statistics, Artifact schema, Path statisticsPath, Path schemaPath) {

  /** The property of a PushedModel holding the version folder the Pusher published. */
  static final String PATH = "path";
  static final String VERSION = "version";

  /** The PushedModel of {@code model} version {@code version}, if a pipeline run recorded the push. */
  static Optional<Artifact> pushed(MetadataStore store, String model, long version, Path servingDir) {
    List<Artifact> found = store.findArtifacts(Query.all().withType(WellKnownTypes.PUSHED_MODEL)
            .withState(ArtifactState.LIVE).withProperty(VERSION, Value.of(version))).stream()
        .filter(a -> a.customProperties().containsKey(PATH))
        .filter(a -> matches(Path.of(a.customProperties().get(PATH).asString()), model, version, servingDir))
        .toList();
    if (servingDir == null && found.stream().map(a -> a.customProperties().get(PATH).asString()).distinct().count() > 1) {
      throw new UsageException("model " + model + " version " + version + " was pushed to several serving directories ("
          + found.stream().map(a -> a.customProperties().get(PATH).asString()).distinct().toList()
          + "): name the one served with --models");
    }
    // Newest first: a re-run of the same push is recorded again.
    return found.stream().findFirst();
  }

  private static boolean matches(Path pushed, String model, long version, Path servingDir) {
    Path normal = pushed.toAbsolutePath().normalize();
    if (servingDir != null) {
      return normal.equals(servingDir.toAbsolutePath().normalize().resolve(model).resolve(Long.toString(version)));
    }
    return normal.getNameCount() >= 2 && normal.getFileName().toString().equals(Long.toString(version))
        && normal.getParent().getFileName().toString().equals(model);
  }

  /**
   * Follows lineage from a PushedModel to the training statistics and schema; fails with one line
   * naming the missing link and the override.
   */
  static TrainingBaseline of(MetadataStore store, Artifact pushed) {
    Value modelId = pushed.property(WellKnownTypes.MODEL_ID);
    if (modelId == null) {
      throw missing("the push " + pushed.id() + " names no model (model_id)");
    }
    Artifact model = store.getArtifact(modelId.asLong());
    Execution trainer = writer(store, model)
        .orElseThrow(() -> missing("no execution recorded as writing model " + model.id()));
    Artifact examples = inputs(store, trainer, "examples").stream().findFirst()
        .orElseThrow(() -> missing(trainer.type() + " execution " + trainer.id() + " recorded no 'examples' input"));
    Artifact statistics = newestOutputOfReader(store, examples, "StatisticsGen", "statistics")
        .orElseThrow(() -> missing("no LIVE StatisticsGen output of the examples " + examples.uri()));
    Artifact schema = newestOutputOfReader(store, statistics, "SchemaGen", "schema")
        .orElseThrow(() -> missing("no LIVE SchemaGen output of the statistics " + statistics.uri()));
    return new TrainingBaseline(pushed, model, statistics, schema, Path.of(statistics.uri()), Path.of(schema.uri()));
  }

  private static UsageException missing(String what) {
    return new UsageException("cannot find the training data through lineage: " + what
        + ": give --trainingStatistics and --schema");
  }

  private static Optional<Execution> writer(MetadataStore store, Artifact artifact) {
    return store.events(TypeKind.ARTIFACT, artifact.id()).stream()
        .filter(e -> e.type() == EventType.OUTPUT)
        .map(e -> store.getExecution(e.executionId()))
        .findFirst();
  }

  private static List<Artifact> inputs(MetadataStore store, Execution execution, String name) {
    return store.events(TypeKind.EXECUTION, execution.id()).stream()
        .filter(e -> e.type() == EventType.INPUT && !e.path().isEmpty() && e.path().get(0).equals(name))
        .map(e -> store.getArtifact(e.artifactId()))
        .toList();
  }

  /** The newest LIVE output {@code output} of an execution of {@code type} that read {@code input}. */
  private static Optional<Artifact> newestOutputOfReader(MetadataStore store, Artifact input, String type, String output) {
    return store.events(TypeKind.ARTIFACT, input.id()).stream()
        .filter(e -> e.type() == EventType.INPUT)
        .map(Event::executionId)
        .distinct()
        .map(store::getExecution)
        .filter(e -> e.type().equals(type))
        .flatMap(e -> store.events(TypeKind.EXECUTION, e.id()).stream())
        .filter(e -> e.type() == EventType.OUTPUT && !e.path().isEmpty() && e.path().get(0).equals(output))
        .map(e -> store.getArtifact(e.artifactId()))
        .filter(a -> a.state() == ArtifactState.LIVE)
        .max(Comparator.comparingLong(Artifact::id));
  }
}
