package io.tributary.transforms.testing;

import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.Row;

/**
 * The penguins as the pipeline sees them before training: ExampleGen's hash split of the shipped
 * CSV (230 train, 114 eval rows; run once per JVM on the DirectRunner), and a transform fitted on
 * train that z-scores the numbers with mean imputation and one-hot encodes island and sex.
 */
public final class PenguinExamples {

  public static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("bill_length", "bill_length_mm", Step.imputeMean(), Step.zScore())
          .feature("bill_depth", "bill_depth_mm", Step.imputeMean(), Step.zScore())
          .feature("flipper_length", "flipper_length_mm", Step.imputeMean(), Step.zScore())
          .feature("body_mass", "body_mass_g", Step.imputeMean(), Step.zScore())
          .feature("island", "island", Step.vocabulary(), Step.oneHot())
          .feature("sex", "sex", Step.vocabulary(), Step.oneHot())
          .passThrough("species")
          .drop("year")
          .build();

  private static PenguinExamples instance;

  private final Path examples;
  private final Path transformDir;
  private final List<Row> train;
  private final List<Row> eval;
  private final TransformFn transformFn;

  private PenguinExamples(Path root) {
    this.examples = root.resolve("examples");
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    ExampleGenResult result = pipeline.apply(ExampleGen.from(Input.csv(TestFiles.penguins().toString())));
    for (String split : List.of("train", "eval")) {
      result.split(split).apply("Write" + split, ExamplesIO.write(examples.resolve("Split-" + split).toString()));
    }
    pipeline.run().waitUntilFinish();
    this.train = ExampleFiles.read(examples.resolve("Split-train"));
    this.eval = ExampleFiles.read(examples.resolve("Split-eval"));
    this.transformFn = TransformFn.fit(SPEC, train.get(0).getSchema(), train);
    this.transformDir = root.resolve("transform");
    TransformFnFiles.write(transformFn, transformDir.toString());
  }

  /** The shared instance, built on first use in a temporary folder. */
  public static synchronized PenguinExamples get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("tributary-penguin-examples");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteTree(root)));
        instance = new PenguinExamples(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** The examples folder, with {@code Split-train/} and {@code Split-eval/}. */
  public Path examples() {
    return examples;
  }

  /** The folder holding the fitted transform ({@code transform_fn.json}). */
  public Path transformDir() {
    return transformDir;
  }

  public List<Row> train() {
    return train;
  }

  public List<Row> eval() {
    return eval;
  }

  public TransformFn transformFn() {
    return transformFn;
  }

  public List<Row> transformedTrain() {
    return train.stream().map(transformFn::apply).toList();
  }

  public List<Row> transformedEval() {
    return eval.stream().map(transformFn::apply).toList();
  }
}
