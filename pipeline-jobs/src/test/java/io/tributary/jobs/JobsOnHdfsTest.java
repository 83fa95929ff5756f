package io.tributary.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.validation.CheckedSplit;
import io.tributary.jobs.validation.SchemaGenJob;
import io.tributary.jobs.validation.ValidateJob;
import io.tributary.jobs.validation.ValidateSettings;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.testing.LocalHdfs;
import io.tributary.transforms.testing.TestFiles;
import io.tributary.transforms.validation.AnomaliesJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * examplegen → statistics → schemagen → validate with every input and output on a real HDFS
 * ({@link LocalHdfs}), on the DirectRunner; the Beam jobs get the cluster as a user would, with
 * {@code --hdfsConfiguration}.
 */
@ExtendWith(LocalHdfs.class)
class JobsOnHdfsTest {

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private PrintStream out() {
    return new PrintStream(progress, true, StandardCharsets.UTF_8);
  }

  private static String hdfsConfiguration(LocalHdfs.Cluster hdfs) {
    return "--hdfsConfiguration=[{\"fs.defaultFS\":\"" + hdfs.root() + "\",\"dfs.replication\":\"1\"}]";
  }

  @Test
  void examplesStatisticsSchemaAndAnomaliesAllOnHdfs(LocalHdfs.Cluster hdfs) throws Exception {
    String root = hdfs.newFolder("penguin");
    ArtifactFiles.writeBytes(root + "/data/penguins.csv", Files.readAllBytes(TestFiles.penguins()), "text/csv");

    ExamplesArtifact examples = new ExampleGenJob(JobArguments.parse(new String[] {
        "--input=" + root + "/data/*.csv", "--output=" + root + "/examples", hdfsConfiguration(hdfs)},
        ExampleGenOptions.class), out()).run();
    assertEquals(344, examples.rowsRead());
    assertEquals(List.of(root + "/data/penguins.csv"), examples.inputs().get(0).files());
    assertEquals(List.of("Split-eval", "Split-train", "artifact.json", "errors"), hdfs.list(root + "/examples"));
    assertEquals(examples.splits().get("train"), (long) ExamplesIO.readRows(root + "/examples/Split-train").size());

    List<DatasetStatistics> statistics = new StatisticsGenJob(JobArguments.parse(new String[] {
        "--examples=" + root + "/examples", "--output=" + root + "/statistics", hdfsConfiguration(hdfs)},
        StatisticsGenOptions.class), out()).run();
    assertEquals(List.of("train", "eval"), statistics.stream().map(DatasetStatistics::split).toList());
    assertEquals(statistics.get(0), StatisticsJson.read(root + "/statistics/Split-train/statistics.json"));
    assertTrue(ArtifactFiles.readText(root + "/statistics/" + StatisticsGenJob.REPORT).contains("<html"));

    // SchemaGen and validate are not Beam jobs: the CLI registers the file systems as this does.
    JobFileSystems.register(PipelineOptionsFactory.fromArgs(hdfsConfiguration(hdfs)).create());
    DatasetSchema schema = SchemaGenJob.run(root + "/statistics", "train", SchemaGen.infer(), "species",
        root + "/schema", false, new Progress("schemagen", out()));
    assertEquals(schema, SchemaJson.read(root + "/schema/" + SchemaGenJob.FILE));
    assertEquals(List.of(SchemaGenJob.NOTES, SchemaGenJob.FILE), hdfs.list(root + "/schema").stream().sorted().toList());

    List<CheckedSplit> checked = ValidateJob.run(
        ValidateSettings.of(root + "/statistics", root + "/schema", root + "/anomalies"), new Progress("validate", out()));
    assertEquals(2, checked.size());
    for (CheckedSplit split : checked) {
      assertEquals(split.anomalies(), AnomaliesJson.read(root + "/anomalies/" + split.folder() + "/" + ValidateJob.FILE));
    }
    assertTrue(ArtifactFiles.readText(root + "/anomalies/" + ValidateJob.REPORT).contains("Split eval"));

    // Every output was published by a rename: no staging folder is left beside them.
    assertEquals(List.of("anomalies", "data", "examples", "schema", "statistics"), hdfs.list(root));
  }

  @Test
  void theCommandLineReachesHdfsWithTheConfigurationAndSaysHowWithout(LocalHdfs.Cluster hdfs) throws Exception {
    String root = hdfs.newFolder("cli");
    ArtifactFiles.writeBytes(root + "/data/penguins.csv", Files.readAllBytes(TestFiles.penguins()), "text/csv");
    CliRun run = CliRun.of("examplegen", "--input=" + root + "/data/penguins.csv", "--output=" + root + "/examples",
        hdfsConfiguration(hdfs));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("output: " + root + "/examples"), run.out());

    CliRun unconfigured = CliRun.of("statistics", "--examples=" + root + "/examples", "--output=" + root + "/statistics");
    assertEquals(2, unconfigured.exitCode(), unconfigured.err());
    assertTrue(unconfigured.err().contains("No filesystem found for scheme hdfs: give the cluster's Hadoop configuration"),
        unconfigured.err());
    assertEquals(List.of("data", "examples"), hdfs.list(root));
  }
}
