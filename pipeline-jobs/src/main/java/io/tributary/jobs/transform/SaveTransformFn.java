package io.tributary.jobs.transform;

import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Writes the fitted transform ({@code ParDo.of(SaveTransformFn.to(dir))} after {@code
 * Transform.analyze}) on the worker that holds it, e.g. where a job will publish it: the
 * fitted constants never travel back to the job's JVM, which matters on a cluster. The input is
 * a singleton, so exactly one {@code transform_fn.json} is written (a retry overwrites it).
 */
public final class SaveTransformFn extends DoFn<TransformFn, Void> {

  private final String directory;

  private SaveTransformFn(String directory) {
    this.directory = directory;
  }

  /** Writes into {@code directory} (a path every worker can reach, or any Beam file system). */
  public static SaveTransformFn to(String directory) {
    return new SaveTransformFn(directory);
  }

  @ProcessElement
  public void process(@Element TransformFn fn) {
    TransformFnFiles.write(fn, directory);
  }
}
