package io.tributary.transforms.evaluate.blessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.examples.ColumnNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An evaluation config naming the label and slice columns as the user knows them. */
class EvalConfigColumnNamesTest {

  private static final ColumnNames NAMES = names();

  private static ColumnNames names() {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    byOriginal.put("Species", "Species");
    byOriginal.put("Island", "Island");
    byOriginal.put("Sample Year", "Sample_Year");
    byOriginal.put("Body Mass (g)", "Body_Mass__g_");
    return ColumnNames.of(byOriginal);
  }

  @Test
  void labelSlicesAndThresholdSlicesResolveToFieldNames() {
    EvalConfig config =
        EvalConfig.fromYaml(String.join("\n",
            "label: Body Mass (g)",
            "slices: [Sample Year, [Island, Sample_Year]]",
            "thresholds:",
            "  - {metric: rmse, upperBound: 500, slice: {Sample Year: \"2008\"}}",
            ""))
            .resolve(NAMES);
    assertEquals("Body_Mass__g_", config.label());
    assertEquals(
        List.of(Slice.overall(), Slice.by("Sample_Year"), Slice.cross("Island", "Sample_Year")), config.slices());
    assertEquals(Map.of("Sample_Year", "2008"), config.thresholds().get(0).slice());
  }

  @Test
  void aConfigWithoutLabelKeepsTheModelsLabel() {
    EvalConfig config = EvalConfig.fromYaml("slices: [Island]\n").resolve(NAMES);
    assertEquals("Species", config.labelOr("Species"));
  }

  @Test
  void anUnknownSliceColumnListsTheColumnsAsTheUserKnowsThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromYaml("slices: [Year]\n").resolve(NAMES));
    assertEquals(
        "slice [Year] names column 'Year', which is not in the examples; columns are [Species, Island, Sample Year,"
            + " Body Mass (g)]",
        e.getMessage());
  }
}
