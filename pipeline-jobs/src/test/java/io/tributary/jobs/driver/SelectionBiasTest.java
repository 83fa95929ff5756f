package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pipeline that tunes and evaluates on one split gets one warning line; the penguin sample none. */
class SelectionBiasTest {

  @Test
  void tuningAndEvaluatingOnTheDefaultSplitIsWarnedAbout() {
    PipelineDefinition sameSplit = pipeline(Map.of(), Map.of());

    assertEquals(
        List.of("warning: Evaluator judges the model on split 'eval', the split the Tuner selected it on, so its"
            + " metrics are optimistic: add a test split to ExampleGen (splitRatios: train:3,eval:1,test:1) and set"
            + " the Evaluator's evalSplit: test"),
        SelectionBias.warnings(sameSplit));
    assertEquals(1, SelectionBias.warnings(pipeline(Map.of("evalSplit", "test"), Map.of("evalSplit", "test"))).size());
  }

  @Test
  void separateSplitsOrNoTunerGiveNoWarning() {
    assertEquals(List.of(), SelectionBias.warnings(pipeline(Map.of(), Map.of("evalSplit", "test"))));
    PipelineDefinition untuned = new PipelineDefinition("p", Path.of("."), null,
        List.of(new ComponentSpec("Evaluator", "Evaluator", Map.of(), Map.of(), null)));
    assertEquals(List.of(), SelectionBias.warnings(untuned));
  }

  @Test
  void thePenguinSampleTunesOnEvalAndJudgesOnTest() {
    PipelineDefinition penguin =
        PipelineYaml.read(Path.of("../samples/penguin/pipeline.yaml"), ComponentRegistry.standard());
    assertEquals(List.of(), SelectionBias.warnings(penguin));
  }

  private static PipelineDefinition pipeline(Map<String, Object> tuner, Map<String, Object> evaluator) {
    return new PipelineDefinition("p", Path.of("."), null, List.of(
        new ComponentSpec("Tuner", "Tuner", tuner, Map.of(), null),
        new ComponentSpec("Evaluator", "Evaluator", evaluator, Map.of(), null)));
  }
}
