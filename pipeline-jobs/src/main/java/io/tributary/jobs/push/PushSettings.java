package io.tributary.jobs.push;

import java.nio.file.Path;

/**
 * What to push where, checked when built.
 *
 * <pre>{@code
 * PushSettings settings = new PushSettings(model, null, blessing, infraBlessing, Path.of("/srv/models"), "penguin");
 * }</pre>
 *
 * @param model the model folder (model.pb, model.json)
 * @param transform the transform folder, or null for the one {@code model.json} names
 * @param blessing the Evaluator's blessing folder
 * @param infraBlessing the InfraValidator's infra blessing folder, or null to push without one
 * @param servingDir the serving directory
 * @param modelName the model's folder in the serving directory
 */
public record PushSettings(Path model, Path transform, Path blessing, Path infraBlessing, Path servingDir, String modelName) {

  public PushSettings {
    if (model == null || blessing == null || servingDir == null) {
      throw new IllegalArgumentException("a push needs the model, its blessing and the serving directory");
    }
    ServingDirectory.checkName(modelName);
  }
}
