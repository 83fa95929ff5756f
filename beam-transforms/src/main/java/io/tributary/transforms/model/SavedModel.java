package io.tributary.transforms.model;

import org.tribuo.Model;

/**
 * A Tribuo model with its descriptor, as {@link ModelFolder} writes and reads them.
 *
 * @param descriptor what the model is ({@code model.json})
 * @param model the Tribuo model; its output type matches {@code descriptor.task()}
 */
public record SavedModel(ModelDescriptor descriptor, Model<?> model) {

  public SavedModel {
    if (descriptor == null || model == null) {
      throw new IllegalArgumentException("a saved model needs both its descriptor and its Tribuo model");
    }
  }
}
