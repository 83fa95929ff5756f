package io.tributary.transforms.statistics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.LocalStatistics;
import io.tributary.transforms.statistics.Penguins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsReportTest {

  private static List<DatasetStatistics> penguinSplits() {
    List<Row> rows = Penguins.rows();
    return List.of(
        LocalStatistics.compute(Penguins.SCHEMA, rows.subList(0, 250), null)
            .withNameAndSplit("penguins", "train"),
        LocalStatistics.compute(Penguins.SCHEMA, rows.subList(250, rows.size()), null)
            .withNameAndSplit("penguins", "eval"));
  }

  private static int count(String text, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }

  @Test
  void rendersEveryFeatureOfEverySplitOffline() {
    String html = StatisticsReport.html("Penguins", penguinSplits());
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertFalse(html.contains("http"), "no external reference of any kind");
    assertFalse(html.contains("src="), "nothing loaded");
    String numeric = html.substring(0, html.indexOf("<h2>Categorical"));
    assertEquals(5, count(numeric, "<tbody data-name="), "5 numeric features");
    // 4 categorical: species, island, sex, is_male; plus the summary table's tbody.
    assertEquals(5 + 4 + 1, count(html, "<tbody"));
    assertEquals(5, count(html, "<svg "), "a histogram per numeric feature");
    assertEquals(4, count(html, "<div class=\"top-values\">"), "top-value bars per categorical feature");
    for (String feature : Penguins.SCHEMA.getFieldNames()) {
      assertTrue(html.contains(">" + feature + "<br>"), feature);
    }
    assertEquals(2 * 9 + 2, count(html, "class=\"swatch\""), "a row per split per feature");
    assertTrue(html.contains("data-name=\"body_mass_g\" data-count=\"250\""), "sort keys");
    assertTrue(html.contains("<td><div class=\"label\">Adelie</div></td>"), "top value of species in train");
    assertTrue(html.contains("<th data-key=\"mean\""), "sortable by mean");
  }

  @Test
  void categoryLabelsAreShownWholeSoDifferentValuesNeverLookTheSame() {
    Schema schema = Schema.builder().addStringField("island").build();
    List<Row> rows = new java.util.ArrayList<>();
    String north = "Palmer Archipelago, Torgersen Island (north shore)";
    String south = "Palmer Archipelago, Torgersen Island (south shore)";
    for (String value : List.of(north, north, north, south, south, "")) {
      rows.add(Row.withSchema(schema).addValues(value).build());
    }
    String html = StatisticsReport.html("islands", List.of(LocalStatistics.compute(schema, rows, null)));
    String chart = html.substring(html.indexOf("<div class=\"top-values\">"));
    assertEquals(1, count(chart, "<div class=\"label\">" + Pattern.quote(north) + "</div>"), "in the chart");
    assertEquals(1, count(chart, "<div class=\"label\">" + Pattern.quote(south) + "</div>"), "in the chart");
    assertTrue(html.contains("<td><div class=\"label\">" + north + "</div></td>"), "the top value, whole");
    assertTrue(chart.contains("<div class=\"label empty\""), "the empty value is marked, not blank");
    assertFalse(html.contains("…"), "nothing is cut");
  }

  @Test
  void escapesValuesAndMarksMissingFeatures(@TempDir Path dir) throws IOException {
    Schema schema = Schema.builder().addStringField("<name>").addNullableField("x", Schema.FieldType.DOUBLE).build();
    Row evil = Row.withSchema(schema).addValues("<script>alert(1)</script>", 1.0).build();
    DatasetStatistics strange = LocalStatistics.compute(schema, List.of(evil), null);
    Path file = dir.resolve("statistics.html");
    StatisticsReport.write(file, "A & B", List.of(strange, penguinSplits().get(0)));
    String html = Files.readString(file);
    assertFalse(html.contains("<script>alert"), "values are escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("&lt;name&gt;"), "feature names are escaped");
    assertTrue(html.contains("<title>A &amp; B</title>"));
    assertTrue(html.contains("not in this split"), "a feature one split lacks");
    assertThrows(IllegalArgumentException.class, () -> StatisticsReport.html("x", List.of()));
  }
}
