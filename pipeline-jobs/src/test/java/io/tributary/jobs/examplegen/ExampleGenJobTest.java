package io.tributary.jobs.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.UsageException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ExampleGen job in this JVM on the DirectRunner and checks what it leaves on disk. */
class ExampleGenJobTest {

  static final Path PENGUINS = Paths.get("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private ExamplesArtifact run(String... args) {
    ExampleGenOptions options = JobArguments.parse(args, ExampleGenOptions.class);
    return new ExampleGenJob(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
  }

  static long avroRows(Path split) throws IOException {
    long rows = 0;
    try (Stream<Path> files = Files.list(split)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avro")).toList()) {
        try (DataFileReader<GenericRecord> reader =
            new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          while (reader.hasNext()) {
            reader.next();
            rows++;
          }
        }
      }
    }
    return rows;
  }

  static List<JsonNode> deadLetters(Path output) throws IOException {
    List<JsonNode> letters = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(output.resolve("errors"))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          letters.add(json.readTree(line));
        }
      }
    }
    return letters;
  }

  @Test
  void penguinsBecomeTrainAndEvalAvroThatAddUpTo344() throws IOException {
    Path out = dir.resolve("examples");
    ExamplesArtifact artifact = run("--input=" + PENGUINS, "--output=" + out);
    long train = avroRows(out.resolve("Split-train"));
    long eval = avroRows(out.resolve("Split-eval"));
    assertEquals(344, train + eval);
    assertEquals(train, artifact.splits().get("train"));
    assertEquals(eval, artifact.splits().get("eval"));
    assertEquals(0, artifact.deadLetters());
    assertTrue(Files.exists(out.resolve("Split-train/schema.avsc")));
    assertEquals(artifact, ExamplesArtifact.read(out), "artifact.json round-trips");
    assertTrue(deadLetters(out).isEmpty());
    String printed = progress.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("[examplegen] schema inferred from all 344 rows"), printed);
    assertTrue(printed.contains("[examplegen] done in"), printed);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(out), siblings.toList(), "no staging folder is left");
    }
  }

  @Test
  void rowsInEqualRowsWrittenPlusDeadLetters() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "id,x\n1,2.5\n2,oops\n3\n4,1e3\n\"5,7\n6,8\n");
    Path out = dir.resolve("examples");
    ExamplesArtifact artifact =
        run("--input=" + csv, "--output=" + out, "--splitRatios=a:1,b:1", "--splitKeys=id",
            "--schema=" + schema(dir, "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"x\",\"type\":\"double\"}]}"));
    assertEquals(3, artifact.rowsRead());
    assertEquals(3, artifact.deadLetters());
    assertEquals(3, avroRows(out.resolve("Split-a")) + avroRows(out.resolve("Split-b")));
    List<JsonNode> letters = deadLetters(out);
    assertEquals(
        List.of(3L, 4L, 6L),
        letters.stream().map(l -> l.get("line").asLong()).sorted().toList());
    for (JsonNode letter : letters) {
      assertEquals(csv.toString(), letter.get("source").asText());
      assertFalse(letter.get("raw").asText().isEmpty());
      assertFalse(letter.get("reason").asText().isEmpty());
    }
  }

  @Test
  void spansParquetAndPredefinedSplitsAreRecorded() throws IOException {
    Files.createDirectories(dir.resolve("in/span-3"));
    Files.createDirectories(dir.resolve("in/span-12"));
    Files.writeString(dir.resolve("in/span-3/a.csv"), "k\n1\n");
    Files.writeString(dir.resolve("in/span-12/a.csv"), "k\n1\n2\n");
    Files.writeString(dir.resolve("in/span-12/b.csv"), "k\n3\n");
    Path out = dir.resolve("examples");
    ExamplesArtifact artifact =
        run("--split=train=" + dir + "/in/span-{SPAN}/a.csv", "--split=eval=" + dir + "/in/span-{SPAN}/b.csv",
            "--output=" + out, "--outputFormat=parquet");
    assertEquals(12L, artifact.span());
    assertEquals(2L, artifact.splits().get("train"));
    assertEquals(1L, artifact.splits().get("eval"));
    assertEquals("parquet", artifact.format());
    try (Stream<Path> files = Files.list(out.resolve("Split-train"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".parquet")));
    }
  }

  @Test
  void anExistingOutputIsRefusedAndTouched() throws IOException {
    Path out = Files.createDirectories(dir.resolve("examples"));
    Files.writeString(out.resolve("keep"), "x");
    assertThrows(IllegalArgumentException.class, () -> run("--input=" + PENGUINS, "--output=" + out));
    assertEquals("x", Files.readString(out.resolve("keep")));
    run("--input=" + PENGUINS, "--output=" + out, "--overwrite=true");
    assertFalse(Files.exists(out.resolve("keep")));
    assertTrue(Files.exists(out.resolve("artifact.json")));
  }

  @Test
  void aConfigurationErrorLeavesNoStagingBehind() throws IOException {
    Path out = dir.resolve("examples");
    assertThrows(
        IllegalArgumentException.class,
        () -> run("--input=" + dir + "/missing-*.csv", "--output=" + out));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
    assertThrows(UsageException.class, () -> run("--input=" + PENGUINS, "--split=a=b.csv", "--output=" + out));
    assertThrows(UsageException.class, () -> run("--input=" + PENGUINS, "--output=" + out, "--splitRatios=train"));
  }

  private static String schema(Path dir, String json) throws IOException {
    Path file = dir.resolve("schema.avsc");
    Files.writeString(file, json);
    return file.toString();
  }
}
