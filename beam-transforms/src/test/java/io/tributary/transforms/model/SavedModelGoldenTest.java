package io.tributary.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.testing.PenguinExamples;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code golden/penguin_model_v1/}: a model folder written by {@code tributary train} (Tribuo
 * 4.3.2, the penguin sample) with its {@code transform_fn.json}. It must keep loading and scoring,
 * so that an upgrade of Tribuo or of this code cannot strand saved models.
 */
class SavedModelGoldenTest {

  @Test
  void theGoldenModelStillLoadsAndScoresThePenguins() throws URISyntaxException {
    Path folder = Path.of(SavedModelGoldenTest.class.getResource("golden/penguin_model_v1").toURI());

    SavedModel saved = ModelFolder.read(folder.toString());
    assertEquals(Task.CLASSIFICATION, saved.descriptor().task());
    assertEquals(List.of("bill_length", "bill_depth", "flipper_length", "body_mass", "island", "sex"), saved.descriptor().features());
    assertEquals(9, saved.model().getFeatureIDMap().size());

    Predictor predictor = Predictor.load(folder.toString(), folder.toString());
    List<Row> eval = PenguinExamples.get().eval();
    long right = eval.stream().filter(row -> predictor.predict(row).label().equals(row.getString("species"))).count();
    assertTrue(right >= 0.95 * eval.size(), right + " of " + eval.size());
  }
}
