package io.tributary.jobs.transform;

import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Writes the fitted transform where the job will publish it, on the worker that holds it: the
 * fitted constants never travel back to the job's JVM, which matters on a cluster. The input is
 * a singleton, so exactly one {@code transform_fn.json} is written (a retry overwrites it).
 */
final class SaveTransformFn extends DoFn<TransformFn, Void> {

  private final String directory;

  SaveTransformFn(String directory) {
    this.directory = directory;
  }

  @ProcessElement
  public void process(@Element TransformFn fn) {
    TransformFnFiles.write(fn, directory);
  }
}
