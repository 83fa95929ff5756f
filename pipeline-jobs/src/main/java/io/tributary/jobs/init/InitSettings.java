package io.tributary.jobs.init;

import io.tributary.transforms.model.Task;
import java.nio.file.Path;

/**
 * What {@code tributary init} is asked to do.
 *
 * @param input the data file
 * @param label the label column: its field name or its name in the file ({@code "IMDB Rating"})
 * @param output the folder to create
 * @param task the task, or null to decide it from the label
 * @param name the pipeline (and served model) name, or null for one made from the input's name
 */
public record InitSettings(Path input, String label, Path output, Task task, String name) {

  /** Rows read to decide the columns: ExampleGen's default schema inference sample. */
  public static final int SAMPLE_ROWS = 10_000;
}
