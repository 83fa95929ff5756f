package io.tributary.transforms.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Slice keys of rows, their text and coder, and the checks made before any data is read. */
class SliceTest {

  @Test
  void keysNameTheValuesAndAMissingValue() throws Exception {
    SliceKey key = Slice.cross("island", "sex").keyOf(ScoredRows.BINARY.get(3));
    assertEquals(new SliceKey(List.of("island", "sex"), List.of("Y", SliceKey.MISSING)), key);
    assertEquals("island=Y, sex=(missing)", key.text());
    assertEquals("Overall", Slice.overall().keyOf(ScoredRows.BINARY.get(0)).text());
    Map<String, String> columnToValue = new LinkedHashMap<>();
    columnToValue.put("island", "Y");
    columnToValue.put("sex", SliceKey.MISSING);
    assertEquals(key, SliceKey.of(columnToValue));
    assertEquals(key, CoderUtils.decodeFromByteArray(SliceKeyCoder.of(), CoderUtils.encodeToByteArray(SliceKeyCoder.of(), key)));
    assertTrue(SliceKey.OVERALL.compareTo(ScoredRows.key("island", "X")) < 0, "overall sorts first");
  }

  @Test
  void badSlicesAreRejectedNamingTheFix() {
    assertThrows(IllegalArgumentException.class, () -> Slice.cross("island", "island"));
    assertThrows(IllegalArgumentException.class, () -> new Slice(List.of("a", "b", "c")));
    assertThrows(IllegalArgumentException.class, () -> Evaluate.classification("species").withSlices(Slice.by("x"), Slice.by("x")));
    Pipeline p = Pipeline.create();
    var rows = p.apply(Create.of(ScoredRows.BINARY).withRowSchema(ScoredRows.CLASSIFICATION));
    IllegalArgumentException floating =
        assertThrows(IllegalArgumentException.class, () -> rows.apply(Evaluate.classification("species").withSlices(Slice.by("mass"))));
    assertTrue(floating.getMessage().contains("slice by a STRING, BOOLEAN or integer column"), floating.getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> rows.apply(Evaluate.classification("species").withSlices(Slice.by("colour"))));
    assertTrue(unknown.getMessage().contains("no column 'colour'"), unknown.getMessage());
  }
}
