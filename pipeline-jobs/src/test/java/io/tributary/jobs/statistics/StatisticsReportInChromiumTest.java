package io.tributary.jobs.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.testing.DevTools;
import io.tributary.jobs.testing.LocalChromium;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the real job's {@code statistics.html} of the penguins in headless Chromium and checks
 * what a reader sees: one row group per feature with the splits side by side, every cell under its
 * own heading, histograms drawn, and sorting by a heading reordering the features.
 */
@ExtendWith(LocalChromium.class)
class StatisticsReportInChromiumTest {

  /**
   * Per data row of a table: {feature, cells: {heading: [text, right edge of the text]}}. A cell
   * belongs to the heading whose horizontal extent it shares, which is where the reader sees it;
   * cells spanning rows are counted in each row they span.
   */
  private static final String ROWS =
      """
      (selector => {
        const table = document.querySelector(selector);
        const headings = [...table.tHead.rows[0].cells].map(th => ({
          label: th.textContent.replace(/[ ▲▼]+$/, ''), rect: th.getBoundingClientRect()}));
        const spanning = [];
        return [...table.tBodies].flatMap(body => [...body.rows].map(row => {
          const cells = {};
          const place = cell => {
            const rect = cell.getBoundingClientRect();
            const heading = headings.find(h =>
                Math.abs(h.rect.left - rect.left) < 1 && Math.abs(h.rect.right - rect.right) < 1);
            const range = document.createRange();
            range.selectNodeContents(cell);
            const text = range.getBoundingClientRect();
            cells[heading ? heading.label : 'unaligned ' + cell.textContent] =
                [cell.textContent, Math.round(text.right)];
          };
          [...row.cells].forEach(place);
          for (const cell of spanning) if (cell.closest('tbody') === body && cell.parentElement !== row) place(cell);
          [...row.cells].filter(c => c.rowSpan > 1).forEach(c => spanning.push(c));
          return {feature: body.dataset.name, cells: cells};
        }));
      })('%s')
      """;

  @TempDir static Path dir;
  private static Path report;
  private static List<DatasetStatistics> statistics;

  @BeforeAll
  static void runTheJobs() {
    Path examples = dir.resolve("examples");
    PenguinStatistics.examples(examples);
    Path out = dir.resolve("statistics");
    statistics =
        PenguinStatistics.statistics(
            new ByteArrayOutputStream(), "--examples=" + examples, "--output=" + out);
    report = out.resolve(StatisticsGenJob.REPORT);
  }

  @Test
  void rendersAScreenshotWorthLookingAt(LocalChromium chromium) throws IOException {
    byte[] png;
    try (DevTools page = chromium.open(report)) {
      png = page.screenshot();
    }
    Path file = dir.resolve("statistics.png");
    Files.write(file, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(png.length > 20_000, "a PNG of " + png.length + " bytes");
    assertTrue(image.getWidth() >= 900 && image.getHeight() >= 800,
        "the whole page: " + image.getWidth() + "x" + image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 50, "text and charts, not a blank page: " + colours.size() + " colours");
  }

  @Test
  void everyFeatureIsARowGroupWithTheSplitsSideBySide(LocalChromium chromium) {
    try (DevTools page = chromium.open(report)) {
      assertEquals(names(true), strings(page.evaluate(groups("table.numeric"))));
      assertEquals(names(false), strings(page.evaluate(groups("table.categorical"))));
      for (String table : List.of("table.numeric", "table.categorical")) {
        JsonNode splitsPerGroup = page.evaluate(
            "[...document.querySelector('" + table + "').tBodies].map(b => [...b.rows].map(r =>"
                + " r.querySelector('td').textContent))");
        for (JsonNode group : splitsPerGroup) {
          assertEquals(List.of("train", "eval"), strings(group), table);
        }
      }
      JsonNode histograms = page.evaluate(
          "[...document.querySelectorAll('table.numeric tbody')].map(b =>"
              + " [...b.querySelectorAll('td.chart svg rect')].map(r => r.getAttribute('fill')))");
      assertEquals(names(true).size(), histograms.size());
      for (JsonNode bars : histograms) {
        assertEquals(Set.of("#4e79a7", "#f28e2b"), new HashSet<>(strings(bars)),
            "every histogram has bars of both splits");
      }
    }
  }

  @Test
  void everyCellIsUnderItsHeadingAndNumbersLineUp(LocalChromium chromium) {
    try (DevTools page = chromium.open(report)) {
      checkColumns(page.evaluate(String.format(ROWS, "table.numeric")), true,
          List.of("Feature", "Split", "Count", "Missing", "Mean", "Std dev", "Zeros", "Min", "Median",
              "Max", "NaN / ±∞", "Histogram"));
      checkColumns(page.evaluate(String.format(ROWS, "table.categorical")), false,
          List.of("Feature", "Split", "Count", "Missing", "Unique", "Top value", "Top share",
              "Avg length", "Counts", "Top values"));
    }
  }

  private void checkColumns(JsonNode rows, boolean numeric, List<String> headings) {
    assertEquals(2 * names(numeric).size(), rows.size(), "a row per feature and split");
    for (int r = 0; r < rows.size(); r++) {
      JsonNode row = rows.get(r);
      List<String> labels = new ArrayList<>();
      row.get("cells").fieldNames().forEachRemaining(labels::add);
      labels.sort(Comparator.comparingInt(headings::indexOf));
      assertEquals(headings, labels, "row " + r + " (" + row.get("feature").asText() + ") has a cell under each heading");
      DatasetStatistics split = statistics.get(r % 2);
      FeatureStatistics feature = split.feature(row.get("feature").asText());
      String where = row.get("feature").asText() + " in " + split.split();
      assertEquals(split.split(), row.get("cells").get("Split").get(0).asText().strip(), where);
      assertEquals(String.valueOf(feature.count()), row.get("cells").get("Count").get(0).asText(), where);
    }
    // Numbers are right-aligned, so the texts of a column end at the same x in every row.
    for (String heading : headings.subList(2, headings.size() - 1)) {
      Set<Integer> rightEdges = new HashSet<>();
      rows.forEach(row -> rightEdges.add(row.get("cells").get(heading).get(1).asInt()));
      assertEquals(1, rightEdges.size(), "the texts under '" + heading + "' line up: " + rightEdges);
    }
  }

  @Test
  void clickingAHeadingSortsTheFeaturesAndClickingAgainReverses(LocalChromium chromium) {
    List<String> byMean = new ArrayList<>(names(true));
    byMean.sort(Comparator.comparingDouble(name -> statistics.get(0).feature(name).numeric().mean()));
    List<String> byName = new ArrayList<>(names(false));
    byName.sort(Comparator.naturalOrder());
    try (DevTools page = chromium.open(report)) {
      assertEquals(byMean, strings(page.evaluate(click("table.numeric", "mean"))));
      assertEquals(reversed(byMean), strings(page.evaluate(click("table.numeric", "mean"))));
      assertEquals(byName, strings(page.evaluate(click("table.categorical", "name"))));
      assertEquals(reversed(byName), strings(page.evaluate(click("table.categorical", "name"))));
      JsonNode rowsPerGroup =
          page.evaluate("[...document.querySelector('table.numeric').tBodies].map(b => b.rows.length)");
      rowsPerGroup.forEach(rows -> assertEquals(2, rows.asInt(), "a feature's rows move together"));
    }
  }

  @Test
  void longCategoryLabelsAreShownWholeAndDistinct(LocalChromium chromium) throws IOException {
    // The islands renamed so that all three share their first 24 characters.
    Map<String, String> islands = Map.of(
        "Torgersen", "Palmer Archipelago (Anvers): Torgersen Island",
        "Biscoe", "Palmer Archipelago (Anvers): Biscoe Islands",
        "Dream", "Palmer Archipelago (Anvers): Dream Island");
    List<String> lines = new ArrayList<>(Files.readAllLines(PenguinStatistics.PENGUINS));
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", -1);
      fields[1] = islands.get(fields[1]);
      lines.set(i, String.join(",", fields));
    }
    Path csv = Files.write(dir.resolve("long-islands.csv"), lines);
    Path examples = dir.resolve("long-examples");
    PenguinStatistics.examples(examples, csv);
    Path out = dir.resolve("long-statistics");
    PenguinStatistics.statistics(new ByteArrayOutputStream(), "--examples=" + examples, "--output=" + out);

    try (DevTools page = chromium.open(out.resolve(StatisticsGenJob.REPORT))) {
      JsonNode labels = page.evaluate(
          "[...document.querySelectorAll(\"tbody[data-name='island'] .top-values .label\")].map(l =>"
              + " ({text: l.textContent, clipped: l.scrollWidth > l.clientWidth || l.scrollHeight > l.clientHeight,"
              + " width: l.getBoundingClientRect().width}))");
      List<String> shown = new ArrayList<>();
      labels.forEach(label -> {
        shown.add(label.get("text").asText());
        assertTrue(!label.get("clipped").asBoolean() && label.get("width").asDouble() > 0, label.toString());
      });
      assertEquals(Set.copyOf(islands.values()), Set.copyOf(shown), "every island's label, whole");
      assertEquals(3, shown.size(), "three labels that differ");
      JsonNode topValues = page.evaluate(
          "[...document.querySelectorAll(\"tbody[data-name='island'] tr\")].map(r => r.cells[r.cells.length === 10 ? 5 : 4]"
              + ".textContent)");
      topValues.forEach(top -> assertTrue(islands.containsValue(top.asText()), "the top value, whole: " + top));
      assertEquals(Set.of(), Set.copyOf(strings(page.evaluate(
          "[...document.querySelectorAll('.label')].map(l => l.textContent).filter(t => t.includes('…'))"))),
          "no label is cut");
    }
  }

  /** The features of one table, in the statistics' order. */
  private static List<String> names(boolean numeric) {
    return statistics.get(0).overall().features().stream()
        .filter(f -> f.type().isNumeric() == numeric)
        .map(FeatureStatistics::name)
        .toList();
  }

  private static String groups(String table) {
    return "[...document.querySelector('" + table + "').tBodies].map(b => b.dataset.name)";
  }

  private static String click(String table, String key) {
    return "document.querySelector(\"" + table + " th[data-key='" + key + "']\").click();"
        + groups(table);
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(value -> result.add(value.asText()));
    return result;
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
