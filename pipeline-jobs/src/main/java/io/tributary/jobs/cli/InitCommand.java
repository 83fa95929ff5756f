package io.tributary.jobs.cli;

import io.tributary.jobs.init.InitJob;
import io.tributary.jobs.init.InitSettings;
import io.tributary.transforms.model.Task;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary init}: see {@link InitJob}. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a starter pipeline for a data file into a new folder: pipeline.yaml, a transform spec (numbers"
          + " imputed and z-scored, categories one-hot, ids, dates and free text dropped, the label passed through)"
          + " and trainer, tuner and evaluation configs chosen from the data. Prints what it decided for each"
          + " column and why. Then: tributary run <output>/pipeline.yaml",
      "Exit codes: 0 written; 2 a wrong option or input (nothing written); 1 failure."
    })
final class InitCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "The data file: CSV, JSON (lines, or one array of objects), Avro or Parquet.")
  Path input;

  @Option(names = "--label", required = true, paramLabel = "COLUMN",
      description = "The column to predict, as the file names it (\"IMDB Rating\") or as a field name (IMDB_Rating).")
  String label;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The folder to create; it must not exist (or be empty).")
  Path output;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression (default: from the label: text, true/false or integers with at most"
          + " 10 values are classification, other numbers regression).")
  String task;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The pipeline's and the served model's name (default: from the input file's name).")
  String name;

  @Override
  public Integer call() {
    return Cli.guard("init", () -> {
      Task requested = task == null ? null : parseTask(task);
      InitJob.run(new InitSettings(input, label, output, requested, name), System.out);
      return 0;
    });
  }

  private static Task parseTask(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "classification" -> Task.CLASSIFICATION;
      case "regression" -> Task.REGRESSION;
      default -> throw new IllegalArgumentException("--task=" + text + ": use classification or regression");
    };
  }
}
