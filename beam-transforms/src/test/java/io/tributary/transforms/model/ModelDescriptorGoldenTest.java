package io.tributary.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code golden/model_v1.json} pins model.json: the writer reproduces it byte for byte and it keeps reading. */
class ModelDescriptorGoldenTest {

  static final ModelDescriptor DESCRIPTOR =
      new ModelDescriptor(
          1,
          Task.CLASSIFICATION,
          "species",
          List.of("bill_length", "island"),
          new TransformReference("/data/pipelines/penguin/Transform/transform_graph/3", "ab".repeat(32)),
          "logistic_regression",
          Map.of("epochs", 50, "learningRate", 1.0, "minibatchSize", 1),
          7,
          "cd".repeat(32),
          new TrainingProvenance(
              "4.3.2",
              "org.tribuo.classification.sgd.linear.LinearSGDModel",
              "org.tribuo.classification.sgd.linear.LinearSGDTrainer",
              "2026-11-22T09:00:00Z",
              230,
              4,
              List.of("Adelie", "Chinstrap", "Gentoo")));

  @Test
  void theWriterReproducesTheGoldenFile() throws IOException {
    assertEquals(golden(), DESCRIPTOR.toJson());
  }

  @Test
  void theGoldenFileReadsBack() throws IOException {
    assertEquals(DESCRIPTOR, ModelDescriptor.fromJson(golden()));
  }

  private static String golden() throws IOException {
    try (InputStream in = ModelDescriptorGoldenTest.class.getResourceAsStream("golden/model_v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
