package io.tributary.jobs.transform;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Runs Transform as a job: fits the spec on one split and transforms every split with the fitted
 * constants, in one Beam pipeline, then publishes the staged output.
 *
 * <pre>
 * out/
 *   transform_fn/                 transform_fn.json, output_schema.avsc (or in --transformOutput)
 *   Split-train/  Split-eval/     transformed examples: data-*.avro (or .parquet), schema.avsc
 *   post_transform_statistics/
 *     Split-train/statistics.json
 *   artifact.json                 ExampleGen's Examples format (split order, rows per split), with
 *                                 a "transform" section: fit split, spec, counters per split
 * </pre>
 *
 * <p>The spec is read and checked against every split's schema before the pipeline is built, so a
 * bad spec (unknown column, a type no step takes, k &lt;= 0) is one {@link UsageException} and no
 * data is read and no output is created. With {@code --transformOutput} the fitted transform is a
 * second staged folder: the pipeline driver records them as two artifacts, {@code transform_graph}
 * and {@code transformed_examples}. The two are published together ({@link
 * StagedOutput#publishTogether}): the examples first, the fitted transform last, and if the second
 * cannot be published the first is moved back, so a failed run leaves neither. A {@code
 * transform_graph} folder in place therefore means its examples are complete too.
 */
public final class TransformJob {

  /** Folder of the fitted transform inside the output, unless {@code --transformOutput}. */
  public static final String TRANSFORM_FN_FOLDER = "transform_fn";
  /** Folder of the statistics of the transformed splits inside the output. */
  public static final String STATISTICS_FOLDER = "post_transform_statistics";

  private final TransformOptions options;
  private final Progress progress;

  public TransformJob(TransformOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("transform", out);
  }

  /** Runs the job to completion; the output exists afterwards only if this returns. */
  public ExamplesArtifact run() {
    // The spec first: a mistake in it is found without touching the data.
    Path specFile = Path.of(options.getSpec()).toAbsolutePath().normalize();
    TransformSpec written = TransformSpecFile.read(specFile);
    Path examples = Path.of(options.getExamples()).toAbsolutePath().normalize();
    List<String> splits = ExampleSplits.of(examples);
    if (!splits.contains(options.getFitSplit())) {
      throw new UsageException(
          "--fitSplit=" + options.getFitSplit() + " is not a split of " + examples + ": it has " + splits);
    }
    ExampleFormat format = ExampleFormat.parse(options.getOutputFormat());
    ColumnNames names = ExamplesIO.readColumnNames(ExampleSplits.folder(examples, options.getFitSplit()).toString());
    TransformSpec spec = TransformSpecFile.resolve(written, names, specFile);
    checkAgainstSchemas(spec, specFile, examples, splits);
    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    StagedOutput graph = null;
    try {
      graph =
          options.getTransformOutput() == null
              ? null
              : StagedOutput.begin(Path.of(options.getTransformOutput()), options.getOverwrite());
      Path fnStaging = graph == null ? output.staging().resolve(TRANSFORM_FN_FOLDER) : graph.staging();
      Pipeline pipeline = Pipeline.create(options);
      build(pipeline, spec, names, examples, splits, output.staging(), fnStaging, format);
      progress.say("fitting on " + options.getFitSplit() + ", transforming " + splits + " of " + examples);
      PipelineResult result = BeamRun.toCompletion(pipeline, progress);
      TransformFn fn = TransformFnFiles.read(fnStaging.toString());
      Path fnTarget = graph == null ? output.target().resolve(TRANSFORM_FN_FOLDER) : graph.target();
      ExamplesArtifact artifact =
          artifact(
              PipelineCounters.of(result, Transform.METRICS_NAMESPACE), examples, output.staging(), splits, fn, specFile,
              fnTarget, format);
      artifact.write(output.staging());
      StagedOutput.publishTogether(graph == null ? List.of(output) : List.of(output, graph));
      progress.say(
          String.format(
              "done in %.1f s: fitted on %d rows; %s",
              progress.elapsedSeconds(),
              fn.numExamples(),
              artifact.splits().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue() + " rows")
                  .collect(Collectors.joining(", "))));
      progress.say("output: " + output.target() + (graph == null ? "" : ", transform_fn: " + graph.target()));
      return artifact;
    } catch (IOException e) {
      abandon(output, graph);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      abandon(output, graph);
      throw e;
    }
  }

  /** Fit on one split, save the fit, transform and describe every split: one pipeline, one read of each split. */
  private void build(
      Pipeline pipeline,
      TransformSpec spec,
      ColumnNames names,
      Path examples,
      List<String> splits,
      Path staging,
      Path fnStaging,
      ExampleFormat format) {
    Map<String, PCollection<Row>> raw = new LinkedHashMap<>();
    for (String split : splits) {
      raw.put(split, pipeline.apply("Read-" + split, ExamplesIO.read(ExampleSplits.folder(examples, split).toString())));
    }
    PCollection<TransformFn> fitted =
        raw.get(options.getFitSplit()).apply("Analyze", Transform.analyze(spec).withColumnNames(names));
    // Passed-through columns (the label) keep their names, so the trainer and evaluator accept them too.
    ColumnNames passedThrough = names.restrictTo(spec.passThrough());
    fitted.apply("SaveTransformFn", ParDo.of(SaveTransformFn.to(fnStaging.toString())));
    PCollectionView<TransformFn> view = fitted.apply("AsSideInput", View.asSingleton());
    for (String split : splits) {
      PCollection<Row> transformed = raw.get(split).apply(applyStep(split), Transform.apply(view, spec));
      transformed.apply(
          "Write-" + split,
          ExamplesIO.write(ExampleSplits.folder(staging, split).toString()).withFormat(format).withColumnNames(passedThrough));
      transformed
          .apply("Describe-" + split,
              Statistics.generate().withDatasetName(examples.getFileName() + " transformed").withSplit(split))
          .apply("WriteStatistics-" + split,
              StatisticsJson.writeTo(ExampleSplits.folder(staging.resolve(STATISTICS_FOLDER), split).toString()));
    }
  }

  /** The step that transforms a split; its name is how its counters are told apart. */
  private static String applyStep(String split) {
    return "Transform-" + split;
  }

  /** Every split must fit the spec: checked on the schema files alone, before any data is read. */
  public static void checkAgainstSchemas(TransformSpec spec, Path specFile, Path examples, List<String> splits) {
    for (String split : splits) {
      try {
        spec.outputSchema(AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(ExampleSplits.folder(examples, split).toString())));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new UsageException(specFile.getFileName() + " does not fit split '" + split + "': " + e.getMessage());
      }
    }
  }

  /**
   * ExampleGen's Examples artifact for the transformed splits: rows per split come from the
   * post-transform statistics; the apply step's own row counter must agree, which proves its other
   * counters are attributed to the right split. Span, version and split config are the raw
   * examples' (when their {@code artifact.json} is readable): transforming keeps every row in its
   * split.
   */
  private ExamplesArtifact artifact(
      PipelineCounters metrics,
      Path examples,
      Path staging,
      List<String> splits,
      TransformFn fn,
      Path specFile,
      Path fnTarget,
      ExampleFormat format)
      throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    List<ExamplesArtifact.InputFiles> inputs = new ArrayList<>();
    for (String split : splits) {
      DatasetStatistics statistics = StatisticsJson.read(
          ExampleSplits.folder(staging.resolve(STATISTICS_FOLDER), split).resolve(StatisticsJson.FILE_NAME));
      Map<String, Long> splitCounters = new TreeMap<>(metrics.countersOfSteps(applyStep(split) + "/"));
      long counted = splitCounters.getOrDefault(Transform.ROWS_COUNTER, 0L);
      if (counted != statistics.rowCount()) {
        throw new IllegalStateException(
            "split '" + split + "': " + statistics.rowCount() + " rows transformed but the counter says " + counted
                + ": output not published");
      }
      splitCounters.remove(Transform.ROWS_COUNTER);
      splitCounters.values().removeIf(v -> v == 0);
      rows.put(split, statistics.rowCount());
      counters.put(split, splitCounters);
      inputs.add(rawInput(examples, split));
    }
    ExamplesArtifact raw = readRaw(examples);
    return new ExamplesArtifact(
        ExamplesArtifact.FORMAT_VERSION,
        ExamplesArtifact.TYPE,
        format.name().toLowerCase(),
        rows,
        rows.values().stream().mapToLong(Long::longValue).sum(),
        0, // applying a fitted transform rejects no row: unseen values are handled and counted
        raw == null ? null : raw.span(),
        raw == null ? null : raw.version(),
        inputs,
        raw == null ? null : raw.split(),
        "transform:" + fnTarget,
        new ExamplesArtifact.Transformed(
            options.getFitSplit(), fn.numExamples(), specFile.toString(), fnTarget.toString(), counters,
            STATISTICS_FOLDER),
        fn.columnNames().restrictTo(fn.spec().passThrough()).renamed());
  }

  /** The raw split folder read, with its data files in name order. */
  private static ExamplesArtifact.InputFiles rawInput(Path examples, String split) throws IOException {
    Path folder = ExampleSplits.folder(examples, split);
    try (Stream<Path> files = Files.list(folder)) {
      List<String> data =
          files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("data-")).sorted().toList();
      String format = data.isEmpty() ? null : data.get(0).substring(data.get(0).lastIndexOf('.') + 1);
      return new ExamplesArtifact.InputFiles(split, folder.toString(), format, data);
    }
  }

  /** The raw examples' artifact, or null when they have none (a folder written by other means). */
  private static ExamplesArtifact readRaw(Path examples) {
    try {
      return Files.exists(examples.resolve(ExamplesArtifact.FILE)) ? ExamplesArtifact.read(examples) : null;
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static void abandon(StagedOutput output, StagedOutput graph) {
    output.abandon();
    if (graph != null) {
      graph.abandon();
    }
  }
}
