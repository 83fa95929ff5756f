package io.tributary.jobs.train;

import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * What a job that trains in this JVM reads: an examples folder, the fitted transform, and the
 * train and eval splits computed into features with that transform. Shared by {@code train} and
 * {@code tune}, so a tuning trial sees exactly the rows the final training run sees.
 *
 * <pre>{@code
 * TrainingInputs inputs = TrainingInputs.open(examples, transform, "train", "eval");
 * SavedModel model = Trainer.of(config).train(inputs.fn(), inputs.transformDir().toString(), inputs.trainRows());
 * }</pre>
 *
 * <p>{@link #open} checks the folders before any row is read; a missing folder or split is a
 * {@link UsageException} naming the option to fix.
 *
 * @param examples the examples folder, absolute
 * @param transformDir the transform folder, absolute
 * @param fn the fitted transform read from it
 * @param trainSplit the train split's folder (exists)
 * @param evalSplit the eval split's folder (may not exist)
 */
public record TrainingInputs(Path examples, Path transformDir, TransformFn fn, Path trainSplit, Path evalSplit) {

  /** Opens the inputs; the train split must exist, the eval split may not. */
  public static TrainingInputs open(String examples, String transform, String trainSplit, String evalSplit) {
    Path examplesDir = InputPaths.existing(examples, "--examples");
    Path transformDir = InputPaths.existing(transform, "--transform");
    TransformFn fn = TransformFnFiles.read(transformDir.toString());
    Path train = examplesDir.resolve("Split-" + trainSplit);
    if (!Files.isDirectory(train)) {
      throw new UsageException(examplesDir + " has no Split-" + trainSplit + "/: set --trainSplit");
    }
    return new TrainingInputs(examplesDir, transformDir, fn, train, examplesDir.resolve("Split-" + evalSplit));
  }

  /** The train split's rows, computed into features. */
  public List<Row> trainRows() {
    return transformed(trainSplit);
  }

  public boolean hasEval() {
    return Files.isDirectory(evalSplit);
  }

  /** The eval split's rows, computed into features; check {@link #hasEval()} first. */
  public List<Row> evalRows() {
    return transformed(evalSplit);
  }

  private List<Row> transformed(Path split) {
    return ExampleFiles.read(split).stream().map(fn::apply).toList();
  }
}
