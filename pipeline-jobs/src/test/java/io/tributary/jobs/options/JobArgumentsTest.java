package io.tributary.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.examplegen.ExampleGenOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsTest {

  @Test
  void theDefaultProfileIsTheDirectRunner() {
    ExampleGenOptions options =
        JobArguments.parse(new String[] {"--input=a.csv", "--output=out"}, ExampleGenOptions.class);
    assertEquals("DirectRunner", options.getRunner().getSimpleName());
    assertEquals("direct", options.getProfile());
  }

  @Test
  void aProfileSetsRunnerOptionsAndTheCommandLineWins() {
    ExampleGenOptions options =
        JobArguments.parse(
            new String[] {"--input=a.csv", "--output=out", "--profile=flink-local", "--parallelism=3"},
            ExampleGenOptions.class);
    assertEquals("FlinkRunner", options.getRunner().getSimpleName());
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    assertEquals("[auto]", flink.getFlinkMaster(), "the profile's [local] goes to the embedded cluster this JVM shares");
    assertEquals(3, flink.getParallelism(), "the command line's --parallelism wins");
  }

  @Test
  void sparkLocalUsesTwoThreads() {
    ExampleGenOptions options =
        JobArguments.parse(new String[] {"--output=o", "--profile=spark-local"}, ExampleGenOptions.class);
    assertEquals("local[2]", options.as(SparkPipelineOptions.class).getSparkMaster());
  }

  @Test
  void theClusterProfileNeedsTheJarItRunsFrom() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> JobArguments.parse(new String[] {"--output=o", "--profile=flink-cluster"}, ExampleGenOptions.class));
    assertTrue(e.getMessage().contains("run the job from the shaded jar"), e.getMessage());
  }

  @Test
  void mistakesAreOneLineThatNamesTheFix() {
    assertEquals(
        "unknown profile 'nope': use one of [direct, flink-local, flink-cluster, spark-local, spark-cluster] or the"
            + " path of a .properties file of pipeline options",
        assertThrows(UsageException.class,
                () -> JobArguments.parse(new String[] {"--output=o", "--profile=nope"}, ExampleGenOptions.class))
            .getMessage());
    String unknown =
        assertThrows(UsageException.class,
                () -> JobArguments.parse(new String[] {"--output=o", "--inptu=a.csv"}, ExampleGenOptions.class))
            .getMessage();
    assertTrue(unknown.startsWith("unknown option --inptu"), unknown);
    assertTrue(unknown.contains("input"), "Beam's suggestion is kept: " + unknown);
    String required =
        assertThrows(UsageException.class,
                () -> JobArguments.parse(new String[] {"--input=a.csv"}, ExampleGenOptions.class))
            .getMessage();
    assertTrue(required.startsWith("--output is required: Output folder"), required);
    assertEquals(
        "'a.csv' is not an option: options are written --name=value",
        assertThrows(UsageException.class, () -> JobArguments.parse(new String[] {"a.csv"}, ExampleGenOptions.class))
            .getMessage());
  }

  @Test
  void flinkConfLinesBecomeTheConfigYamlOfTheFlinkConfDir(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("mine.properties");
    Files.writeString(profile, String.join("\n",
        "runner=FlinkRunner",
        "flinkConf.taskmanager.numberOfTaskSlots=4",
        "flinkConf.env.java.opts.all=-Dx=a b",
        ""));
    FlinkPipelineOptions options = JobArguments.parse(
        new String[] {"--output=o", "--profile=" + profile}, ExampleGenOptions.class).as(FlinkPipelineOptions.class);
    String yaml = Files.readString(Path.of(options.getFlinkConfDir()).resolve("config.yaml"));
    assertTrue(yaml.endsWith("env.java.opts.all: '-Dx=a b'\ntaskmanager.numberOfTaskSlots: 4\n"), yaml);
    FlinkPipelineOptions again = JobArguments.parse(
        new String[] {"--output=o", "--profile=" + profile}, ExampleGenOptions.class).as(FlinkPipelineOptions.class);
    assertEquals(options.getFlinkConfDir(), again.getFlinkConfDir(), "the same settings share one directory");

    Files.writeString(profile, "runner=FlinkRunner\nflinkConfDir=/etc/flink\nflinkConf.a=1\n");
    assertEquals("profile '" + profile + "' sets both flinkConfDir and flinkConf.* lines: put the settings in one place",
        assertThrows(UsageException.class,
            () -> JobArguments.parse(new String[] {"--output=o", "--profile=" + profile}, ExampleGenOptions.class))
            .getMessage());
  }
}
