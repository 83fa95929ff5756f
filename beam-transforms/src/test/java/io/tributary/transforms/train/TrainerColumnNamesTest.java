package io.tributary.transforms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** A trainer config naming the label as the user knows it; errors naming the raw column. */
class TrainerColumnNamesTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();

  /** The penguin fields as if read from the raw palmerpenguins header. */
  private static final ColumnNames RAW = raw();

  private static ColumnNames raw() {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    byOriginal.put("Species", "species");
    byOriginal.put("Island", "island");
    byOriginal.put("Culmen Length (mm)", "bill_length_mm");
    byOriginal.put("Culmen Depth (mm)", "bill_depth_mm");
    byOriginal.put("Flipper Length (mm)", "flipper_length_mm");
    byOriginal.put("Body Mass (g)", "body_mass_g");
    byOriginal.put("Sex", "sex");
    byOriginal.put("Sample Year", "year");
    return ColumnNames.of(byOriginal);
  }

  private static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("length_z", "Culmen Length (mm)", Step.imputeMean(), Step.zScore())
          .feature("depth_z", "Culmen Depth (mm)", Step.zScore())
          .passThrough("Body Mass (g)")
          .drop("Species", "Island", "Flipper Length (mm)", "Sex", "Sample Year")
          .build()
          .resolve(RAW);

  private static final TransformFn FN =
      TransformFn.fit(SPEC, PENGUINS.train().get(0).getSchema(), PENGUINS.train()).withColumnNames(RAW);

  @Test
  void theLabelMayBeNamedAsTheUserKnowsIt() {
    List<Row> complete =
        PENGUINS.train().stream().filter(row -> row.getValue("bill_depth_mm") != null).map(FN::apply).toList();
    SavedModel model =
        Trainer.of(TrainerConfig.builder("Body Mass (g)").task(Task.REGRESSION).algorithm(Algorithm.CART).build())
            .train(FN, null, complete);
    assertEquals("body_mass_g", model.descriptor().label());

    Map<String, Object> instance = new HashMap<>();
    instance.put("Culmen Length (mm)", 45.0);
    instance.put("Culmen Depth (mm)", null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Predictor.of(FN, model).predict(instance));
    assertEquals(
        "feature 'Culmen Depth (mm)' is missing (it feeds 'depth_z') and the transform does not impute it: give a"
            + " value, or impute it in the transform spec",
        e.getMessage());
  }
}
