package io.tributary.jobs.testing;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * The penguin sample up to a trained model, built once per JVM with the real jobs in a temporary
 * folder: ExampleGen's output, a transform fitted on train ({@code penguin-transform.yaml}), and
 * the model {@code tributary train} makes with {@code samples/penguin/trainer.yaml}.
 */
public final class PenguinTraining {

  public static final Path CSV = Path.of("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();
  public static final Path CONFIG = Path.of("../samples/penguin/trainer.yaml").toAbsolutePath().normalize();

  private static PenguinTraining instance;

  public final Path examples;
  public final Path transform;
  public final Path model;

  private PenguinTraining(Path root) throws IOException {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    examples = root.resolve("examples");
    new ExampleGenJob(
            JobArguments.parse(new String[] {"--input=" + CSV, "--output=" + examples}, ExampleGenOptions.class), quiet)
        .run();
    List<Row> train = ExampleFiles.read(examples.resolve("Split-train"));
    String spec;
    try (InputStream in = PenguinTraining.class.getResourceAsStream("penguin-transform.yaml")) {
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    transform = root.resolve("transform");
    TransformFnFiles.write(TransformFn.fit(TransformSpec.fromYaml(spec), train.get(0).getSchema(), train), transform.toString());
    model = root.resolve("model");
    new TrainJob(
            JobArguments.parse(
                new String[] {
                  "--examples=" + examples, "--transform=" + transform, "--config=" + CONFIG, "--output=" + model
                },
                TrainOptions.class),
            quiet)
        .run();
  }

  public static synchronized PenguinTraining get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("tributary-penguin-training");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        instance = new PenguinTraining(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static void delete(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // Best effort at JVM exit: a leftover temporary folder is harmless.
    }
  }
}
