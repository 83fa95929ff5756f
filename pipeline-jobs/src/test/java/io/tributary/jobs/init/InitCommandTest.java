package io.tributary.jobs.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.tune.TuneConfig;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.FeatureSpec;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary init} on small made-up files: each rule, the files written, and every refusal. */
class InitCommandTest {

  @TempDir Path dir;

  /** 40 rows: a row number, a date, free text, a constant, an empty column, categories, a boolean, numbers. */
  private Path wideCsv() throws IOException {
    String[] colours = {"red", "green", "blue"};
    String rows = IntStream.range(0, 40).mapToObj(i -> String.join(",",
        String.valueOf(i + 1),
        String.format(Locale.ROOT, "2024-03-%02d", i % 28 + 1),
        "\"a note about item number " + i + "\"",
        "same",
        "",
        colours[i % 3],
        i % 2 == 0 ? "true" : "false",
        String.valueOf(i * 1.5),
        i % 4 == 0 ? "" : String.valueOf(i * 7 % 13),
        String.valueOf(i % 3)))
        .collect(Collectors.joining("\n"));
    Path file = dir.resolve("data/wide items.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "row,Sale Date,comment,kind,empty,colour,flag,size,weight,Class Code\n" + rows + "\n");
    return file;
  }

  @Test
  void helpExitsZeroAndDocumentsTheOptions() {
    CliRun run = CliRun.of("init", "--help");
    assertEquals(0, run.exitCode());
    for (String option : List.of("--input", "--label", "--output", "--task", "--name")) {
      assertTrue(run.out().contains(option), option + " is documented: " + run.out());
    }
  }

  @Test
  void decidesEachColumnPrintsWhyAndWritesFilesThatReadBack() throws IOException {
    Path input = wideCsv();
    Path out = dir.resolve("starter");
    CliRun run = CliRun.of("init", "--input=" + input, "--label=Class Code", "--output=" + out);
    assertEquals(0, run.exitCode(), run.err());
    String printed = run.out();
    assertDecided(printed, "row", "dropped: id", "a row number");
    assertDecided(printed, "Sale Date", "dropped: date", "dates such as '2024-03-01'");
    assertDecided(printed, "comment", "dropped: text", "free text (40 distinct of 40");
    assertDecided(printed, "kind", "dropped: constant", "one value, 'same'");
    assertDecided(printed, "empty", "dropped: empty", "no value");
    assertDecided(printed, "colour", "categorical", "3 distinct of 40");
    assertDecided(printed, "flag", "categorical", "true/false");
    assertDecided(printed, "size", "numeric", "numbers (DOUBLE)");
    assertDecided(printed, "weight", "numeric", "25% missing");
    assertDecided(printed, "Class Code", "label", "classification: the label is integers with only 3 values");

    TransformSpec spec = TransformSpec.fromYaml(Files.readString(out.resolve("transform.yaml")));
    assertEquals(List.of("colour_onehot", "flag_onehot", "size_z", "weight_z"),
        spec.features().stream().map(FeatureSpec::name).toList());
    assertEquals(List.of("Class_Code"), spec.passThrough());
    assertEquals(List.of("row", "Sale_Date", "comment", "kind", "empty"), spec.drop());

    TrainerConfig trainer = TrainerConfig.fromYaml(Files.readString(out.resolve("trainer.yaml")));
    assertEquals(Task.CLASSIFICATION, trainer.task(), "an integer label with 3 values");
    assertEquals(Algorithm.XGBOOST, trainer.algorithm());
    TuneConfig tune = TuneConfig.parse(Files.readString(out.resolve("tune.yaml")), false);
    assertEquals("macroF1", tune.search().metric());
    EvalConfig evaluation = EvalConfig.fromYaml(Files.readString(out.resolve("evaluation.yaml")));
    assertEquals(2, evaluation.thresholds().size());
    assertTrue(Files.readString(out.resolve("evaluation.yaml")).contains("lowerBound: 0.36"),
        "half a point better than always answering class 0 (14 of 40 rows), rounded up");

    String pipeline = Files.readString(out.resolve("pipeline.yaml"));
    assertTrue(pipeline.contains("input: \"../data/wide items.csv\""), "relative to the folder:\n" + pipeline);
    assertTrue(pipeline.contains("pipeline: wide-items"), pipeline);
    assertTrue(pipeline.contains("evalSplit: test"), pipeline);
  }

  @Test
  void aFloatingLabelIsRegressionAndTheTaskCanBeForced() throws IOException {
    Path input = wideCsv();
    CliRun regression = CliRun.of("init", "--input=" + input, "--label=size", "--output=" + dir.resolve("a"));
    assertEquals(0, regression.exitCode(), regression.err());
    assertEquals(Task.REGRESSION,
        TrainerConfig.fromYaml(Files.readString(dir.resolve("a/trainer.yaml"))).task());
    assertTrue(Files.readString(dir.resolve("a/evaluation.yaml")).contains("{metric: r2, lowerBound: 0.01}"));

    CliRun forced = CliRun.of("init", "--input=" + input, "--label=Class_Code", "--task=regression",
        "--output=" + dir.resolve("b"), "--name=codes");
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(Task.REGRESSION, TrainerConfig.fromYaml(Files.readString(dir.resolve("b/trainer.yaml"))).task());
    assertTrue(Files.readString(dir.resolve("b/pipeline.yaml")).contains("pipeline: codes"));
  }

  @Test
  void aLabelWithManyClassesGetsANote() throws IOException {
    Path input = dir.resolve("many.csv");
    Files.writeString(input, "x,code\n" + IntStream.range(0, 120)
        .mapToObj(i -> (i * 0.5) + ",c" + (i % 60)).collect(Collectors.joining("\n")) + "\n");
    CliRun run = CliRun.of("init", "--input=" + input, "--label=code", "--output=" + dir.resolve("many"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("note: the label has 60 classes in the sample"), run.out());
  }

  @Test
  void refusesWithOneLineAndWritesNothing() throws IOException {
    Path input = wideCsv();
    Path out = dir.resolve("never");
    assertRefused("--label=Colour is not a column of " + input + ": did you mean 'colour'? its columns are row,",
        "--input=" + input, "--label=Colour", "--output=" + out);
    assertRefused("--label=class-code is not a column of " + input + ": did you mean 'Class Code'? its columns are"
        + " row, Sale Date, comment,", "--input=" + input, "--label=class-code", "--output=" + out);
    assertRefused("--label=kind has one value, 'same', in every row",
        "--input=" + input, "--label=kind", "--output=" + out);
    assertRefused("--task=regression needs a numeric label, but colour is STRING",
        "--input=" + input, "--label=colour", "--task=regression", "--output=" + out);
    assertRefused("--task=maybe: use classification or regression",
        "--input=" + input, "--label=colour", "--task=maybe", "--output=" + out);
    assertRefused("is not a file", "--input=" + dir.resolve("missing.csv"), "--label=x", "--output=" + out);
    assertFalse(Files.exists(out), "nothing written");

    Files.createDirectories(dir.resolve("taken"));
    Files.writeString(dir.resolve("taken/pipeline.yaml"), "pipeline: mine\n");
    assertRefused("exists: name a new folder", "--input=" + input, "--label=colour", "--output=" + dir.resolve("taken"));
    assertEquals("pipeline: mine\n", Files.readString(dir.resolve("taken/pipeline.yaml")), "left alone");
    assertEquals(List.of(dir.resolve("data"), dir.resolve("taken")),
        Files.list(dir).sorted().toList(), "no staging folder left behind");
  }

  /** The column's line says what was decided and why. */
  private static void assertDecided(String printed, String column, String role, String why) {
    String line = printed.lines().filter(l -> l.startsWith("  " + column + " ")).findFirst().orElse("(no line)");
    assertTrue(line.matches("  " + Pattern.quote(column) + " +" + role + " +.*") && line.contains(why),
        column + ": '" + role + "', '" + why + "' in\n" + printed);
  }

  private static void assertRefused(String message, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "init";
    System.arraycopy(options, 0, args, 1, options.length);
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("tributary init: ") && run.err().contains(message),
        "'" + message + "' in: " + run.err());
  }
}
