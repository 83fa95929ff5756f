package io.tributary.jobs.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.cli.TributaryCli;
import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Transform job in this JVM on the penguins (ExampleGen's output), on the
 * DirectRunner, embedded Flink and local Spark, and checks what it leaves on disk.
 */
class TransformJobTest {

  private static final Path PENGUIN = Paths.get("../samples/penguin").toAbsolutePath().normalize();
  private static final Path SPEC = PENGUIN.resolve("transform.yaml");

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path examples;
  private static ExamplesArtifact exampleGen;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeAll
  static void penguinExamples() {
    examples = shared.resolve("examples");
    String[] args = {"--input=" + PENGUIN.resolve("data/penguins.csv"), "--output=" + examples};
    exampleGen = new ExampleGenJob(JobArguments.parse(args, ExampleGenOptions.class), new PrintStream(new ByteArrayOutputStream())).run();
  }

  private ExamplesArtifact run(String... args) {
    TransformOptions options = JobArguments.parse(args, TransformOptions.class);
    return new TransformJob(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
  }

  private ExamplesArtifact penguins(Path output, String... more) {
    return transform(SPEC, output, more);
  }

  private ExamplesArtifact transform(Path spec, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--examples=" + examples, "--spec=" + spec, "--output=" + output));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** Every row of a split folder's Avro files, as Beam rows of {@code schema}. */
  private static List<Row> rows(Path split, Schema schema) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(split)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avro")).sorted().toList()) {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          for (GenericRecord record : reader) {
            rows.add(AvroUtils.toBeamRowStrict(record, schema));
          }
        }
      }
    }
    return rows;
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }

  @Test
  void everySplitIsTheSingleRecordApplyOfItsRawRows() throws IOException {
    Path output = dir.resolve("transformed");
    ExamplesArtifact artifact = penguins(output);

    TransformFn fn = TransformFnFiles.read(output.resolve(TransformJob.TRANSFORM_FN_FOLDER).toString());
    assertEquals(exampleGen.splits().get("train"), fn.numExamples(), "fitted on train only");
    assertEquals(exampleGen.splits(), artifact.splits(), "rows per split equal ExampleGen's");
    assertEquals(List.copyOf(exampleGen.splits().keySet()), List.copyOf(artifact.splits().keySet()), "split order");
    assertTrue(Files.exists(output.resolve(TransformJob.TRANSFORM_FN_FOLDER).resolve(TransformFnFiles.OUTPUT_SCHEMA)));

    for (String split : exampleGen.splits().keySet()) {
      Path rawFolder = examples.resolve("Split-" + split);
      Schema rawSchema = AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(rawFolder.toString()));
      List<Row> expected = rows(rawFolder, rawSchema).stream().map(fn::apply).toList();
      List<Row> actual = rows(output.resolve("Split-" + split), fn.outputSchema());
      assertEquals(exampleGen.splits().get(split), actual.size());
      assertEquals(sorted(expected), sorted(actual), split + ": batch output equals TransformFn.apply per row");
      assertEquals(
          (long) exampleGen.splits().get(split),
          StatisticsJson.read(output.resolve(TransformJob.STATISTICS_FOLDER).resolve("Split-" + split)
              .resolve(StatisticsJson.FILE_NAME)).rowCount());
    }
    // The penguin data has rows without sex: they are counted per split, and agree with the data.
    long missingSex = rows(examples.resolve("Split-train"), AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(
        examples.resolve("Split-train").toString()))).stream().filter(r -> r.getValue("sex") == null).count();
    assertTrue(missingSex > 0);
    assertEquals(missingSex, artifact.transform().counters().get("train").get("missing_sex_onehot"));
    assertEquals(artifact, ExamplesArtifact.read(output), "artifact.json holds what run() returned");
  }

  @Test
  void transformedExamplesAreAnExamplesArtifactInExampleGensSplitOrder() throws IOException {
    Path output = dir.resolve("transformed");
    ExamplesArtifact artifact = penguins(output);
    assertEquals(ExamplesArtifact.TYPE, artifact.type());
    assertEquals(exampleGen.rowsRead(), artifact.rowsRead());
    assertEquals(0, artifact.deadLetters());
    assertEquals(exampleGen.split(), artifact.split(), "the raw examples' split config");
    assertEquals(List.of("train", "eval"), artifact.inputs().stream().map(ExamplesArtifact.InputFiles::split).toList());
    assertEquals("train", artifact.transform().fitSplit());
    assertEquals(exampleGen.splits().get("train"), artifact.transform().fittedRows());

    // ExampleGen's order (train first), not the sorted folder names, for every job reading examples.
    assertEquals(List.of("train", "eval"), ExampleSplits.of(output));
    String[] args = {"--examples=" + output, "--output=" + dir.resolve("statistics")};
    List<DatasetStatistics> statistics =
        new StatisticsGenJob(JobArguments.parse(args, StatisticsGenOptions.class), new PrintStream(progress)).run();
    assertEquals(List.of("train", "eval"), statistics.stream().map(DatasetStatistics::split).toList());
  }

  @Test
  void aFailureBetweenTheTwoPublishesLeavesNeitherOutput() throws Exception {
    Path output = dir.resolve("examples");
    Path graph = dir.resolve("graph");
    // The injected failure: the graph's target appears while the job runs, so publishing it (last)
    // fails after the examples have moved into place.
    Thread intruder =
        new Thread(
            () -> {
              try {
                while (!stagingExists(".graph.staging-")) {
                  Thread.sleep(5);
                }
                Files.createDirectories(graph);
                Files.writeString(graph.resolve("someone-else"), "x");
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    intruder.start();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> penguins(output, "--transformOutput=" + graph));
    intruder.join();
    assertTrue(e.getMessage().contains("appeared while the job ran"), e.getMessage());
    assertFalse(Files.exists(output), "the examples published first were moved back");
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("graph"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder is left");
    }
    try (Stream<Path> inGraph = Files.list(graph)) {
      assertEquals(List.of(graph.resolve("someone-else")), inGraph.toList(), "the intruder's folder is untouched");
    }
  }

  private boolean stagingExists(String prefix) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
    }
  }

  @Test
  void aSeparateTransformOutputAndParquetAreHonoured() throws IOException {
    Path output = dir.resolve("examples");
    Path graph = dir.resolve("graph");
    ExamplesArtifact artifact = penguins(output, "--transformOutput=" + graph, "--outputFormat=parquet", "--fitSplit=eval");
    assertEquals(exampleGen.splits().get("eval"), TransformFnFiles.read(graph.toString()).numExamples());
    assertEquals(graph.toString(), artifact.transform().transformFn());
    assertFalse(Files.exists(output.resolve(TransformJob.TRANSFORM_FN_FOLDER)));
    try (Stream<Path> files = Files.list(output.resolve("Split-train"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".parquet")));
    }
    assertEquals(exampleGen.splits(), artifact.splits());
  }

  @Test
  void flinkAndSparkFitTheSameBytes() throws IOException {
    penguins(dir.resolve("direct"));
    Path directFn = dir.resolve("direct").resolve(TransformJob.TRANSFORM_FN_FOLDER).resolve(TransformFnFiles.TRANSFORM_FN);
    for (String profile : List.of("flink-local", "spark-local")) {
      ExamplesArtifact artifact = penguins(dir.resolve(profile), "--profile=" + profile);
      assertEquals(exampleGen.splits(), artifact.splits(), profile);
      // Exact sums and exact (small-data) sketches: the runner's bundling and merge order do not show.
      Path fn = dir.resolve(profile).resolve(TransformJob.TRANSFORM_FN_FOLDER).resolve(TransformFnFiles.TRANSFORM_FN);
      assertEquals(Files.readString(directFn), Files.readString(fn), profile + ": transform_fn.json bytes");
    }
  }

  @Test
  void aBadSpecIsAUsageErrorBeforeAnyOutputExists() throws IOException {
    Path unknown = dir.resolve("unknown.yaml");
    Files.writeString(unknown, Files.readString(SPEC).replace("inputs: [island]", "inputs: [islands]"));
    Path output = dir.resolve("out");
    UsageException e = assertThrows(UsageException.class, () -> transform(unknown, output));
    assertTrue(e.getMessage().contains("islands"), e.getMessage());

    Path typed = dir.resolve("typed.json");
    Files.writeString(typed, "{\"features\":[{\"name\":\"s\",\"inputs\":[\"species\"],\"steps\":[{\"op\":\"zScore\"}]}],"
        + "\"drop\":[\"island\",\"bill_length_mm\",\"bill_depth_mm\",\"flipper_length_mm\",\"body_mass_g\",\"sex\",\"year\"]}");
    e = assertThrows(UsageException.class, () -> transform(typed, output));
    assertTrue(e.getMessage().contains("zScore needs a number but receives STRING"), e.getMessage());

    Path zeroK = dir.resolve("zero.yaml");
    Files.writeString(zeroK, Files.readString(SPEC).replace("{op: vocabulary, oovBuckets: 1}, {op: oneHot}]\n  - name: sex_onehot",
        "{op: vocabulary, topK: 0}, {op: oneHot}]\n  - name: sex_onehot"));
    assertEquals(2, cli("transform", "--examples=" + examples, "--spec=" + zeroK, "--output=" + output));

    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".out") || p.equals(output)).toList(),
          "no output and no staging folder is left");
    }
  }

  private static int cli(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = TributaryCli.commandLine().execute(args);
      String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
      assertTrue(lines[0].startsWith("tributary transform: ") && lines[0].contains("topK"), lines[0]);
      return code;
    } finally {
      System.setErr(err);
    }
  }
}
