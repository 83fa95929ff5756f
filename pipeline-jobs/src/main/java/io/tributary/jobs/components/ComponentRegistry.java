package io.tributary.jobs.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The component types a pipeline may use, by type name. */
public final class ComponentRegistry {

  private final Map<String, Component> byType = new LinkedHashMap<>();

  private ComponentRegistry(List<Component> components) {
    components.forEach(c -> byType.put(c.type(), c));
  }

  /** Every component Tributary ships. */
  public static ComponentRegistry standard() {
    return new ComponentRegistry(List.of(
        new ExampleGenComponent(),
        new StatisticsGenComponent(),
        new SchemaGenComponent(),
        new ExampleValidatorComponent(),
        new TransformComponent(),
        new TunerComponent(),
        new TrainerComponent(),
        new EvaluatorComponent(),
        new InfraValidatorComponent(),
        new PusherComponent(),
        new BulkInferrerComponent()));
  }

  public static ComponentRegistry of(Component... components) {
    return new ComponentRegistry(List.of(components));
  }

  public Optional<Component> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Component get(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("unknown component type " + type));
  }

  public List<String> types() {
    return List.copyOf(byType.keySet());
  }
}
