package io.tributary.jobs.pipeline;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked pipeline: components in an order where every input is produced before it is read.
 *
 * <pre>{@code
 * PipelineDefinition penguin =
 *     PipelineDefinition.builder("penguin", Path.of("samples/penguin"))
 *         .component("ExampleGen", "ExampleGen", Map.of("input", "data/penguins.csv"), Map.of())
 *         .component("StatisticsGen", "StatisticsGen", Map.of(), Map.of("examples", "ExampleGen.examples"))
 *         .build(ComponentRegistry.standard());
 * }</pre>
 *
 * <p>{@link #check} reports, before anything runs: unknown component types, unknown parameters,
 * inputs that name a missing component or output, inputs of the wrong artifact type, missing
 * inputs, and cycles.
 *
 * @param baseDir the folder relative paths in parameters are resolved against (the YAML file's)
 * @param root where artifacts go; null for the default ({@code <home>/pipelines/<name>})
 */
public record PipelineDefinition(String name, Path baseDir, Path root, List<ComponentSpec> components) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  public PipelineDefinition {
    components = List.copyOf(components);
  }

  public static Builder builder(String name, Path baseDir) {
    return new Builder(name, baseDir);
  }

  /** Validates against the known component types and returns the components in run order. */
  public PipelineDefinition check(ComponentRegistry registry) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new PipelineException(null, "pipeline name '" + name + "' must be letters, digits, '_' or '-'");
    }
    Map<String, ComponentSpec> byId = new LinkedHashMap<>();
    for (ComponentSpec spec : components) {
      if (!NAME.matcher(spec.id()).matches()) {
        throw new PipelineException(spec.location(), "component id '" + spec.id() + "' must be letters, digits, '_' or '-'");
      }
      if (byId.put(spec.id(), spec) != null) {
        throw new PipelineException(spec.location(), "component id '" + spec.id() + "' is used twice");
      }
      Component component = registry.find(spec.type()).orElseThrow(() -> new PipelineException(spec.location(),
          "component '" + spec.id() + "' has unknown type '" + spec.type() + "'; known types: " + registry.types()));
      checkParameters(spec, component);
    }
    for (ComponentSpec spec : components) {
      checkInputs(spec, registry.get(spec.type()), byId, registry);
    }
    return new PipelineDefinition(name, baseDir, root, order(byId));
  }

  private static void checkParameters(ComponentSpec spec, Component component) {
    for (String parameter : spec.parameters().keySet()) {
      if (!component.parameters().containsKey(parameter)) {
        throw new PipelineException(spec.location(), "component '" + spec.id() + "' (" + spec.type()
            + ") has no parameter '" + parameter + "'; its parameters are " + component.parameters().keySet());
      }
    }
    try {
      component.checkParameters(spec.parameters());
    } catch (IllegalArgumentException e) {
      throw new PipelineException(spec.location(), "component '" + spec.id() + "': " + e.getMessage());
    }
  }

  private static void checkInputs(
      ComponentSpec spec, Component component, Map<String, ComponentSpec> byId, ComponentRegistry registry) {
    for (String input : component.inputs().keySet()) {
      if (!spec.inputs().containsKey(input) && !component.optionalInputs().contains(input)) {
        throw new PipelineException(spec.location(), "component '" + spec.id() + "' needs input '" + input
            + "' (" + component.inputs().get(input) + "), e.g. " + input + ": <Component>.<output>");
      }
    }
    spec.inputs().forEach((input, reference) -> {
      String wanted = component.inputs().get(input);
      if (wanted == null) {
        throw new PipelineException(spec.location(), "component '" + spec.id() + "' has no input '" + input
            + "'; its inputs are " + component.inputs().keySet());
      }
      ComponentSpec upstream = byId.get(ComponentSpec.upstreamOf(reference));
      if (upstream == null) {
        throw new PipelineException(spec.location(), "input '" + input + "' of '" + spec.id()
            + "' names component '" + ComponentSpec.upstreamOf(reference) + "', which is not in the pipeline");
      }
      String produced = registry.get(upstream.type()).outputs().get(ComponentSpec.outputOf(reference));
      if (produced == null) {
        throw new PipelineException(spec.location(), "input '" + input + "' of '" + spec.id() + "' names '"
            + reference + "', but " + upstream.id() + " has outputs " + registry.get(upstream.type()).outputs().keySet());
      }
      if (!produced.equals(wanted)) {
        throw new PipelineException(spec.location(), "input '" + input + "' of '" + spec.id() + "' wants "
            + wanted + " but '" + reference + "' is " + produced);
      }
    });
  }

  /** Kahn's algorithm, keeping the written order among independent components. */
  private static List<ComponentSpec> order(Map<String, ComponentSpec> byId) {
    List<ComponentSpec> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (ordered.size() < byId.size()) {
      ComponentSpec next = null;
      for (ComponentSpec spec : byId.values()) {
        if (!done.contains(spec.id())
            && spec.inputs().values().stream().map(ComponentSpec::upstreamOf).allMatch(done::contains)) {
          next = spec;
          break;
        }
      }
      if (next == null) {
        List<String> stuck = byId.keySet().stream().filter(id -> !done.contains(id)).toList();
        throw new PipelineException(byId.get(stuck.get(0)).location(),
            "the inputs of " + stuck + " form a cycle: a component cannot read its own downstream output");
      }
      ordered.add(next);
      done.add(next.id());
    }
    return ordered;
  }

  /** Builds a definition in Java; the same checks as YAML apply in {@link Builder#build}. */
  public static final class Builder {
    private final String name;
    private final Path baseDir;
    private Path root;
    private final List<ComponentSpec> components = new ArrayList<>();

    private Builder(String name, Path baseDir) {
      this.name = name;
      this.baseDir = baseDir;
    }

    public Builder root(Path newRoot) {
      this.root = newRoot;
      return this;
    }

    public Builder component(String id, String type, Map<String, ?> parameters, Map<String, String> inputs) {
      components.add(new ComponentSpec(id, type, new LinkedHashMap<>(parameters), inputs, null));
      return this;
    }

    public PipelineDefinition build(ComponentRegistry registry) {
      return new PipelineDefinition(name, baseDir, root, components).check(registry);
    }
  }
}
