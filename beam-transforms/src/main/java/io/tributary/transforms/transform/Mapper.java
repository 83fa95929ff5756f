package io.tributary.transforms.transform;

import java.util.function.Consumer;

/**
 * One step bound to its fitted constants: built once per {@link TransformFn}, then applied to every
 * value. Receives a missing value (null) only from steps that handle it.
 */
@FunctionalInterface
interface Mapper {
  Object map(Object value, Consumer<Tally.Event> events);
}
