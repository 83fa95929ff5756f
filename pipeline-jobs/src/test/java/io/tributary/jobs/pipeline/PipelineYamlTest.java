package io.tributary.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineYamlTest {

  @TempDir Path dir;

  private final ComponentRegistry registry = ComponentRegistry.standard();

  private PipelineDefinition read(String yaml) throws IOException {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return PipelineYaml.read(file, registry);
  }

  private String error(String yaml) {
    return assertThrows(PipelineException.class, () -> read(yaml)).getMessage();
  }

  @Test
  void readsComponentsInRunOrderWithPathsRelativeToTheFile() throws IOException {
    PipelineDefinition p = read("""
        pipeline: penguin
        root: out
        components:
          StatisticsGen:
            inputs:
              examples: ExampleGen.examples
            parameters:
              topK: 5
          ExampleGen:
            parameters:
              input: data/penguins.csv
              splitKeys: [a, b]
        """);
    assertEquals("penguin", p.name());
    assertEquals(List.of("ExampleGen", "StatisticsGen"), p.components().stream().map(ComponentSpec::id).toList());
    assertEquals(dir.resolve("out"), p.root());
    assertEquals(dir, p.baseDir());
    assertEquals(List.of("a", "b"), p.components().get(0).parameters().get("splitKeys"));
  }

  @Test
  void yamlAndJavaGiveTheSameDag() throws IOException {
    PipelineDefinition yaml = read("""
        pipeline: penguin
        components:
          ExampleGen:
            parameters:
              input: data/penguins.csv
          StatisticsGen:
            inputs:
              examples: ExampleGen.examples
        """);
    PipelineDefinition java =
        PipelineDefinition.builder("penguin", dir)
            .component("ExampleGen", "ExampleGen", Map.of("input", "data/penguins.csv"), Map.of())
            .component("StatisticsGen", "StatisticsGen", Map.of(), Map.of("examples", "ExampleGen.examples"))
            .build(registry);
    assertEquals(strip(yaml), strip(java));
  }

  private static List<String> strip(PipelineDefinition p) {
    return p.components().stream().map(c -> c.id() + c.type() + c.parameters() + c.inputs()).toList();
  }

  @Test
  void mistakesNameTheLineAndTheFix() {
    assertEquals(dir.resolve("pipeline.yaml") + ":5: component 'Trainr' has unknown type 'Trainr'; known types: "
            + registry.types(),
        error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters: {input: a.csv}\n  Trainr: \n"));
    assertTrue(error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters:\n      inptu: a.csv\n")
        .contains(":3: component 'ExampleGen' (ExampleGen) has no parameter 'inptu'"));
    assertTrue(error("pipeline: p\ncomponents:\n  StatisticsGen: {}\n")
        .contains(":3: component 'StatisticsGen' needs input 'examples' (Examples)"));
    assertTrue(error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters: {input: a.csv}\n  StatisticsGen:\n    inputs: {examples: ExampleGen.stats}\n")
        .contains("names 'ExampleGen.stats', but ExampleGen has outputs [examples]"));
    assertTrue(error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters: {}\n")
        .contains("give 'input' (one input, hash-split) or 'split'"));
    assertTrue(error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters: {input: a.csv}\n  Transform:\n    inputs: {examples: ExampleGen.examples}\n")
        .contains("'spec' is required"));
    assertTrue(error("pipeline: p\ncomponents:\n  ExampleGen:\n    parameters: {input: a.csv}\n  ExampleGen2:\n    type: ExampleGen\n    parameters: {input: a.csv}\n  ExampleGen:\n    parameters: {input: b.csv}\n")
        .contains("is used twice"));
    assertTrue(error("pipeline: p\ncomponents: [a, b]\n").contains(":2: 'components:' must map component ids"));
    assertTrue(error("pipeline: p\n  bad: [\n").contains("not valid YAML"));
    assertTrue(error("pipeline: p\nstages: {}\n").contains(":2: unknown key 'stages'"));
  }

  @Test
  void cyclesAreFound() {
    ComponentRegistry fakes = ComponentRegistry.of(
        new io.tributary.jobs.components.Component() {
          public String type() { return "Loop"; }
          public int version() { return 1; }
          public Map<String, String> inputs() { return Map.of("in", "Examples"); }
          public Map<String, String> outputs() { return Map.of("out", "Examples"); }
          public Map<String, String> parameters() { return Map.of(); }
          public Map<String, Map<String, Object>> execute(io.tributary.jobs.components.ComponentContext c) { return Map.of(); }
        });
    PipelineException e = assertThrows(PipelineException.class, () ->
        PipelineDefinition.builder("p", dir)
            .component("A", "Loop", Map.of(), Map.of("in", "B.out"))
            .component("B", "Loop", Map.of(), Map.of("in", "A.out"))
            .build(fakes));
    assertTrue(e.getMessage().contains("the inputs of [A, B] form a cycle"), e.getMessage());
  }
}
