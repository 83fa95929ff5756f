package io.tributary.jobs.init;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.jobs.tune.TuneConfig;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examplegen.InputSample;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.DidYouMean;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;

/**
 * {@code tributary init}: writes a starter pipeline for a new dataset into a new folder, so that
 * {@code tributary run <folder>/pipeline.yaml} runs it end to end with no edits.
 *
 * <pre>{@code
 * StarterFiles files = InitJob.run(
 *     new InitSettings(Path.of("data/cars.json"), "Origin", Path.of("cars"), null, null), System.out);
 * }</pre>
 *
 * <p>It reads the first {@value InitSettings#SAMPLE_ROWS} rows with ExampleGen's schema inference
 * and parsers (so it sees the columns and types the pipeline will), decides each column by {@link
 * ColumnRules}, prints one line per column with the reason, writes the files ({@link
 * StarterFiles}) into a staging folder, reads every one back with the reader {@code tributary run}
 * uses, and only then renames the folder into place.
 *
 * <p>Refused with a {@link UsageException} (exit code 2), before anything is written: an input
 * that does not exist or whose format is unknown, a label that is not a column (the columns are
 * listed), a label with no value or one value, a task the label's type cannot have, an output that
 * exists (unless an empty folder), and data with no column left to learn from.
 */
public final class InitJob {

  /** More classes than this get a note: few rows per class rarely make a useful classifier. */
  static final int MANY_CLASSES = 50;

  private InitJob() {}

  public static StarterFiles run(InitSettings settings, PrintStream out) throws IOException {
    Path input = settings.input().toAbsolutePath().normalize();
    Path output = settings.output().toAbsolutePath().normalize();
    if (!Files.isRegularFile(input)) {
      throw new UsageException("--input=" + settings.input() + " is not a file: give the path of a CSV, JSON, Avro"
          + " or Parquet file");
    }
    if (Files.exists(output) && !isEmptyFolder(output)) {
      throw new UsageException("--output=" + settings.output() + " exists: name a new folder (init never"
          + " overwrites a pipeline)");
    }
    InputSample sample = InputSample.read(Input.of(input.toString()), InitSettings.SAMPLE_ROWS);
    Schema schema = sample.inferred().schema();
    String label = labelField(settings.label(), sample.inferred().columns(), settings.input());
    List<ColumnDecision> columns = new ArrayList<>();
    ColumnSample labelSample = null;
    Task task = null;
    for (Schema.Field field : schema.getFields()) {
      ColumnSample column = ColumnSample.of(field.getName(), field.getType().getTypeName(), sample.rows());
      if (field.getName().equals(label)) {
        labelSample = column;
        task = ColumnRules.task(column, settings.task());
        columns.add(new ColumnDecision(label, ColumnRole.LABEL, task.name().toLowerCase(Locale.ROOT) + ": "
            + ColumnRules.taskReason(column, settings.task(), task)
            + (column.missing() > 0 ? "; " + column.missing() + " rows without one are not learnt from" : "")));
      } else {
        columns.add(ColumnRules.decide(column));
      }
    }
    if (columns.stream().noneMatch(c -> c.role().isFeature())) {
      throw new UsageException("every column but the label was dropped (see above): there is nothing to learn"
          + " from; add columns to the data");
    }
    StarterFiles files = new StarterFiles(pipelineName(settings.name(), input), pipelinePath(input, output),
        settings.input().toString(), label, task, columns,
        task == Task.CLASSIFICATION ? labelSample.mostFrequent() : null,
        task == Task.CLASSIFICATION ? (double) labelSample.mostFrequentCount() / labelSample.present() : 0,
        labelSample.distinct());
    report(out, settings, sample, files);
    publish(files, schema, output);
    out.println("wrote " + String.join(", ", files.files().keySet()) + " into " + settings.output());
    out.println("run it: ./tributary run " + settings.output().resolve("pipeline.yaml"));
    return files;
  }

  private static void report(PrintStream out, InitSettings settings, InputSample sample, StarterFiles files) {
    out.println("tributary init: " + settings.input() + ": " + sample.rows().size() + " rows sampled"
        + (sample.inferred().wholeInput() ? " (the whole file)" : "")
        + ", " + files.columns().size() + " columns"
        + (sample.deadLetters() > 0 ? ", " + sample.deadLetters() + " unreadable records (ExampleGen keeps them as"
            + " dead letters)" : ""));
    ColumnNames names = sample.inferred().columns();
    int width = files.columns().stream().mapToInt(c -> names.original(c.column()).length()).max().orElse(8);
    files.columns().forEach(c -> out.println(c.line(names.original(c.column()), width)));
    String bless = files.task() == Task.CLASSIFICATION
        ? "blessed when its test accuracy beats always answering '" + files.majorityClass() + "'"
        : "blessed when its test R² is above 0 (better than the mean)";
    out.println("model: xgboost " + files.task().name().toLowerCase(Locale.ROOT) + ", tuned on "
        + (files.task() == Task.CLASSIFICATION ? "macroF1" : "rmse") + " over 4 trials; " + bless);
    if (files.task() == Task.CLASSIFICATION && files.classes() > MANY_CLASSES) {
      out.println("note: the label has " + files.classes() + " classes in the sample; few rows per class make a weak"
          + " classifier: is --label the column you mean?");
    }
  }

  /** The label's field name: the column given by its own name or by the field ExampleGen makes of it. */
  private static String labelField(String label, ColumnNames names, Path input) {
    if (label == null || label.isBlank()) {
      throw new UsageException("--label is empty: name the column to predict");
    }
    String field = names.field(label);
    if (field == null) {
      field = names.field(InputSample.fieldName(label));
    }
    if (field != null) {
      return field;
    }
    String closest = DidYouMean.closest(label, names.originals());
    throw new UsageException("--label=" + label + " is not a column of " + input + ": "
        + (closest == null ? "" : "did you mean '" + closest + "'? ") + "its columns are "
        + String.join(", ", names.originals()));
  }

  /** The input as pipeline.yaml names it: relative to the output folder when possible, else absolute. */
  static String pipelinePath(Path input, Path output) {
    if (input.getRoot() == null || !input.getRoot().equals(output.getRoot())) {
      return input.toString();
    }
    return output.relativize(input).toString();
  }

  /** The given name, or one made from the input file's name ({@code seattle-weather.csv}: seattle-weather). */
  static String pipelineName(String name, Path input) {
    if (name != null) {
      if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
        throw new UsageException("--name=" + name + ": use letters, digits, '_' and '-', starting with a letter");
      }
      return name;
    }
    String base = input.getFileName().toString().replaceAll("(\\.[A-Za-z0-9]+)+$", "");
    String slug = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[-_]+|-+$", "");
    return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "data-" + slug : slug;
  }

  /**
   * Writes the files into a staging folder beside the output, reads each back with the reader
   * {@code tributary run} uses (a failure there is a bug in init, not the user's), and renames
   * the folder into place.
   */
  private static void publish(StarterFiles files, Schema schema, Path output) throws IOException {
    Files.createDirectories(output.getParent());
    Path staging = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".init-");
    try {
      for (Map.Entry<String, String> file : files.files().entrySet()) {
        Files.writeString(staging.resolve(file.getKey()), file.getValue());
      }
      check(staging, schema);
      if (Files.exists(output)) {
        Files.delete(output); // an empty folder, checked above
      }
      Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.exists(staging)) {
        try (Stream<Path> written = Files.walk(staging)) {
          for (Path path : written.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    }
  }

  private static void check(Path folder, Schema schema) throws IOException {
    String file = "";
    try {
      file = "transform.yaml";
      TransformSpec.fromYaml(Files.readString(folder.resolve(file))).outputSchema(schema);
      file = "trainer.yaml";
      TrainerConfig.fromYaml(Files.readString(folder.resolve(file)));
      file = "tune.yaml";
      TuneConfig.parse(Files.readString(folder.resolve(file)), false);
      file = "evaluation.yaml";
      EvalConfig.fromYaml(Files.readString(folder.resolve(file)));
      file = "pipeline.yaml";
      PipelineYaml.read(folder.resolve(file), ComponentRegistry.standard());
    } catch (RuntimeException e) {
      throw new IllegalStateException("init wrote a " + file + " that does not read back (a bug in init): "
          + e.getMessage(), e);
    }
  }

  private static boolean isEmptyFolder(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    }
  }
}
