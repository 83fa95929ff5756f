package io.tributary.jobs.statistics;

import io.tributary.jobs.artifacts.Folders;
import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.artifacts.ReportTitle;
import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.statistics.report.StatisticsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;

/**
 * Runs StatisticsGen as a job: one scan per split of an examples folder, every split in the same
 * pipeline, then a report over all splits.
 *
 * <pre>
 * out/
 *   Split-train/statistics.json   (format: beam-transforms/docs/statistics-format.md)
 *   Split-eval/statistics.json
 *   statistics.html               (self-contained; opens offline)
 * </pre>
 */
public final class StatisticsGenJob {

  /** The report over all splits, beside the split folders. */
  public static final String REPORT = "statistics.html";

  private final StatisticsGenOptions options;
  private final Progress progress;
  /** What the report's title names before "— statistics of ...", or null for the examples folder. */
  private final String reportSubject;

  public StatisticsGenJob(StatisticsGenOptions options, PrintStream out) {
    this(options, out, null);
  }

  /**
   * @param reportSubject what the report is about, e.g. {@code penguin · StatisticsGen · execution
   *     12} ({@link ReportTitle#execution}); null names the examples folder ({@link ReportTitle#folder})
   */
  public StatisticsGenJob(StatisticsGenOptions options, PrintStream out, String reportSubject) {
    this.options = options;
    this.progress = new Progress("statistics", out);
    this.reportSubject = reportSubject;
  }

  /** Runs the job; returns the statistics of each split, in split order. */
  public List<DatasetStatistics> run() {
    JobFileSystems.register(options);
    String examples = Folders.of(options.getExamples()).normalize(options.getExamples());
    List<String> splits = ExampleSplits.of(examples, options.getSplits());
    Statistics.Generate generate = configure();
    StagedOutput output = StagedOutput.begin(options.getOutput(), options.getOverwrite());
    String staging = output.stagingUri();
    try {
      Pipeline pipeline = Pipeline.create(options);
      for (String split : splits) {
        // Accumulated as the split is read: no row becomes an element, so memory stays flat.
        pipeline
            .apply(
                "Describe/" + split,
                generate
                    .withDatasetName(Folders.of(examples).name(examples))
                    .withSplit(split)
                    .ofExamples(ExampleSplits.folder(examples, split)))
            .apply("Write/" + split, StatisticsJson.writeTo(ExampleSplits.folder(staging, split)));
      }
      progress.say("splits " + splits + " of " + examples);
      BeamRun.toCompletion(pipeline, progress);
      List<DatasetStatistics> statistics = new ArrayList<>();
      for (String split : splits) {
        statistics.add(StatisticsJson.read(
            ArtifactFiles.resolve(ExampleSplits.folder(staging, split), StatisticsJson.FILE_NAME)));
      }
      ColumnNames names = ExamplesIO.readColumnNames(ExampleSplits.folder(examples, splits.get(0)));
      ColumnNamesFile.write(staging, names);
      StatisticsReport.write(Folders.resolve(staging, REPORT), ReportTitle.of(
          reportSubject != null ? reportSubject : ReportTitle.folder(examples), "statistics", splits),
          statistics.stream().map(split -> split.withFeatureNames(names::original)).toList());
      output.publish();
      progress.say(
          String.format(
              "done in %.1f s: %s",
              progress.elapsedSeconds(),
              statistics.stream()
                  .map(s -> s.split() + " " + s.rowCount() + " rows")
                  .collect(Collectors.joining(", "))));
      progress.say("report: " + Folders.resolve(output.targetUri(), REPORT));
      return statistics;
    } catch (IOException e) {
      output.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
  }

  private Statistics.Generate configure() {
    try {
      Statistics.Generate generate = Statistics.generate().withTopK(options.getTopK());
      if (options.getWeight() != null) {
        generate = generate.withWeightColumn(options.getWeight());
      }
      if (options.getSlice() != null && !options.getSlice().isEmpty()) {
        generate = generate.withSlices(options.getSlice().toArray(String[]::new));
      }
      return generate;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
