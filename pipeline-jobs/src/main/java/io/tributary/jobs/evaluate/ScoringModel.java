package io.tributary.jobs.evaluate;

import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.ModelFormatException;
import io.tributary.transforms.model.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model the Evaluator scores with (the candidate or the baseline) and the transform it was
 * trained on, loaded once in the job's JVM before the pipeline is built: a damaged {@code
 * model.pb}, a descriptor from a newer version or a transform that does not match is then one
 * line naming the file, before any data is read, instead of a failure inside the workers.
 *
 * @param model the model folder (absolute)
 * @param transform the transform folder (absolute)
 */
record ScoringModel(Path model, Path transform, ModelDescriptor descriptor) {

  /**
   * @param option the option that named the model, for messages ({@code --model})
   * @param transformFolder the transform folder, or null for the one {@code model.json} names
   */
  static ScoringModel load(String option, String modelFolder, String transformFolder) {
    Path model = Path.of(modelFolder).toAbsolutePath().normalize();
    if (!Files.isDirectory(model)) {
      throw new UsageException(option + "=" + modelFolder + " does not exist: name the Trainer's model folder");
    }
    try {
      ModelDescriptor descriptor = ModelFolder.readDescriptor(model.toString());
      String transform = transformFolder != null ? transformFolder : descriptor.transform().path();
      if (transform == null) {
        throw new UsageException(
            model.resolve(ModelFolder.DESCRIPTOR_FILE) + " records no transform folder: name it with the transform option");
      }
      Path transformPath = Path.of(transform).toAbsolutePath().normalize();
      Predictor.load(model.toString(), transformPath.toString());
      return new ScoringModel(model, transformPath, descriptor);
    } catch (ModelFormatException | IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  BulkInferrer inferrer() {
    return BulkInferrer.of(model.toString()).withTransform(transform.toString());
  }
}
