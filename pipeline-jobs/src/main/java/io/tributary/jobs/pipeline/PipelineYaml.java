package io.tributary.jobs.pipeline;

import io.tributary.jobs.components.ComponentRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a pipeline from YAML, keeping the line of every component so that each mistake is
 * reported as {@code file:line: what is wrong and how to fix it}.
 *
 * <pre>
 * pipeline: penguin
 * root: /data/pipelines/penguin        # optional; default &lt;home&gt;/pipelines/&lt;pipeline&gt;
 * components:
 *   ExampleGen:                         # the component id; its type defaults to the id
 *     parameters:
 *       input: data/penguins.csv        # relative paths are relative to this file
 *   StatisticsGen:
 *     inputs:
 *       examples: ExampleGen.examples   # an upstream output: the edge of the DAG
 * </pre>
 *
 * <p>A component may set {@code type:} when its id differs from its type (two ExampleGens, say).
 * Parameter values are scalars or lists of scalars.
 */
public final class PipelineYaml {

  private PipelineYaml() {}

  public static PipelineDefinition read(Path file, ComponentRegistry registry) {
    String where = file.toString();
    Node document;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      throw new PipelineException(where + ":" + (e.getProblemMark().getLine() + 1), "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      // SnakeYAML's safety limits (aliases, nesting depth, document size) carry no position.
      throw new PipelineException(where, "not valid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new PipelineException(where, "cannot read the pipeline file: " + e.getMessage());
    }
    if (!(document instanceof MappingNode)) {
      throw new PipelineException(where, "a pipeline file is a mapping with 'pipeline:' and 'components:'");
    }
    Map<String, Node> top = mapping(where, (MappingNode) document, List.of("pipeline", "root", "components"));
    String name = scalar(where, top.get("pipeline"), "pipeline", true);
    String root = scalar(where, top.get("root"), "root", false);
    Node componentsNode = top.get("components");
    if (!(componentsNode instanceof MappingNode)) {
      throw new PipelineException(at(where, componentsNode == null ? document : componentsNode),
          "'components:' must map component ids to their definitions");
    }
    List<ComponentSpec> components = new ArrayList<>();
    for (NodeTuple tuple : ((MappingNode) componentsNode).getValue()) {
      String id = scalar(where, tuple.getKeyNode(), "component id", true);
      components.add(component(where, id, at(where, tuple.getKeyNode()), tuple.getValueNode()));
    }
    Path base = file.toAbsolutePath().getParent();
    Path rootPath = root == null ? null : base.resolve(expandHome(root)).normalize();
    return new PipelineDefinition(name, base, rootPath, components).check(registry);
  }

  private static ComponentSpec component(String where, String id, String location, Node node) {
    if (node instanceof ScalarNode && ((ScalarNode) node).getValue().isEmpty()) {
      return new ComponentSpec(id, id, Map.of(), Map.of(), location);
    }
    if (!(node instanceof MappingNode)) {
      throw new PipelineException(location, "component '" + id + "' must be a mapping of type, parameters and inputs");
    }
    Map<String, Node> fields = mapping(where, (MappingNode) node, List.of("type", "parameters", "inputs"));
    String type = fields.containsKey("type") ? scalar(where, fields.get("type"), "type", true) : id;
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (fields.containsKey("parameters")) {
      for (NodeTuple p : requireMapping(where, fields.get("parameters"), "parameters").getValue()) {
        String key = scalar(where, p.getKeyNode(), "parameter name", true);
        if (parameters.put(key, value(where, p.getValueNode(), key)) != null) {
          throw twice(where, p.getKeyNode(), "parameter '" + key + "'");
        }
      }
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    if (fields.containsKey("inputs")) {
      for (NodeTuple p : requireMapping(where, fields.get("inputs"), "inputs").getValue()) {
        String key = scalar(where, p.getKeyNode(), "input name", true);
        if (inputs.put(key, scalar(where, p.getValueNode(), "input " + key, true)) != null) {
          throw twice(where, p.getKeyNode(), "input '" + key + "'");
        }
      }
    }
    return new ComponentSpec(id, type, parameters, inputs, location);
  }

  private static Object value(String where, Node node, String key) {
    if (node instanceof SequenceNode) {
      List<String> values = new ArrayList<>();
      for (Node item : ((SequenceNode) node).getValue()) {
        values.add(scalar(where, item, key, true));
      }
      return values;
    }
    return scalar(where, node, key, true);
  }

  private static MappingNode requireMapping(String where, Node node, String what) {
    if (!(node instanceof MappingNode)) {
      throw new PipelineException(at(where, node), "'" + what + ":' must be a mapping of name: value");
    }
    return (MappingNode) node;
  }

  private static Map<String, Node> mapping(String where, MappingNode node, List<String> allowed) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      String key = scalar(where, tuple.getKeyNode(), "key", true);
      if (!allowed.contains(key)) {
        throw new PipelineException(at(where, tuple.getKeyNode()), "unknown key '" + key + "'; allowed here: " + allowed);
      }
      if (fields.put(key, tuple.getValueNode()) != null) {
        throw twice(where, tuple.getKeyNode(), "'" + key + "'");
      }
    }
    return fields;
  }

  private static String scalar(String where, Node node, String what, boolean required) {
    if (node == null) {
      if (required) {
        throw new PipelineException(where, "'" + what + ":' is required");
      }
      return null;
    }
    if (!(node instanceof ScalarNode)) {
      throw new PipelineException(at(where, node), "'" + what + "' must be a single value");
    }
    String value = ((ScalarNode) node).getValue();
    if (required && value.isBlank()) {
      throw new PipelineException(at(where, node), "'" + what + "' is empty");
    }
    return value;
  }

  /** A key written twice in one mapping: YAML would keep the last silently. */
  private static PipelineException twice(String where, Node key, String what) {
    return new PipelineException(at(where, key), what + " is given twice: keep one (otherwise the last would win silently)");
  }

  private static String at(String where, Node node) {
    return where + ":" + (node.getStartMark().getLine() + 1);
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
  }
}
