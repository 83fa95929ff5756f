package io.tributary.jobs.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.testing.DevTools;
import io.tributary.jobs.testing.LocalChromium;
import io.tributary.transforms.statistics.report.Html;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.Comparison;
import io.tributary.transforms.validation.DistanceResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the real job's {@code anomalies.html} in headless Chromium: the corrupted penguins
 * validated against the clean schema, with drift against the clean statistics and skew of the
 * shifted copy against the train split. Checks what a reader sees, and that the page is offline.
 */
@ExtendWith(LocalChromium.class)
class AnomaliesReportInChromiumTest {

  /** Per row of the tables matched: the text of each cell, keyed by its class's first name. */
  private static final String ROWS =
      """
      [...document.querySelectorAll("%s tbody tr")].map(row =>
          Object.fromEntries([...row.cells].map((cell, i) => [cell.className.split(' ')[0] || 'c' + i, cell.textContent])))
      """;

  @TempDir static Path dir;
  private static Path report;
  private static List<CheckedSplit> checked;

  @BeforeAll
  static void runTheJob() {
    PenguinCorruptions data = PenguinCorruptions.get();
    Path out = dir.resolve("anomalies");
    checked = ValidateJob.run(
        ValidateSettings.of(data.corruptedStatistics, data.schema, out)
            .withBaseline(data.cleanStatistics)
            .withServing(data.shiftedStatistics),
        new Progress("validate", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    report = out.resolve(ValidateJob.REPORT);
  }

  @Test
  void opensOfflineWithoutErrorsOrRequests(LocalChromium chromium) {
    try (DevTools page = chromium.open(report, "Network", "Runtime", "Log")) {
      List<String> requested = new ArrayList<>();
      page.events("Network.requestWillBeSent").forEach(e -> requested.add(e.path("request").path("url").asText()));
      assertEquals(List.of(report.toUri().toString()), requested, "the page itself is the only request");
      assertEquals(List.of(), page.events("Runtime.exceptionThrown"));
      assertTrue(page.events("Runtime.consoleAPICalled").stream()
          .noneMatch(e -> e.path("type").asText().matches("error|warning|assert")), page.events("Runtime.consoleAPICalled").toString());
      assertTrue(page.events("Log.entryAdded").stream()
          .noneMatch(e -> e.path("entry").path("level").asText().equals("error")), page.events("Log.entryAdded").toString());
      assertEquals(0, page.evaluate("document.querySelectorAll('script,link,img,iframe,object,embed').length").asInt());
    }
  }

  @Test
  void everyAnomalyShowsItsFeatureTypeSeverityAndDescriptions(LocalChromium chromium) {
    assertTrue(checked.stream().mapToInt(c -> c.anomalies().anomalies().size()).sum() > 10, "a report worth reading");
    assertTrue(checked.stream().anyMatch(c -> !c.anomalies().ofType(AnomalyType.SKEW).isEmpty()), "skew is found");
    try (DevTools page = chromium.open(report)) {
      for (CheckedSplit split : checked) {
        String section = "section[data-split='" + split.label() + "']";
        assertTrue(page.evaluate("document.querySelector(\"" + section + " h2\").textContent").asText()
            .startsWith("Split " + split.label()));
        JsonNode rows = page.evaluate(String.format(ROWS, section + " table.anomalies"));
        List<Anomaly> expected = split.anomalies().anomalies().stream()
            .sorted(Comparator.comparing(Anomaly::severity)).toList();
        assertEquals(expected.size(), rows.size(), split.label());
        for (int i = 0; i < expected.size(); i++) {
          Anomaly a = expected.get(i);
          JsonNode row = rows.get(i);
          String where = split.label() + " row " + i;
          assertEquals(a.severity().name(), row.get("severity").asText(), where);
          assertEquals(a.feature() == null ? "(split)" : a.feature(), row.get("feature").asText(), where);
          assertEquals(a.type().name(), row.get("type").asText(), where);
          assertEquals(a.shortDescription() + a.description() + (a.remedy().isEmpty() ? "" : "To accept or fix: " + a.remedy()),
              row.get("description").asText(), where);
          assertEquals(Html.number(a.measured()), row.get("measured").asText(), where);
          assertEquals(Html.number(a.threshold()), row.get("threshold").asText(), where);
        }
      }
    }
  }

  @Test
  void everyComparedFeatureHasItsDistanceAndResult(LocalChromium chromium) {
    try (DevTools page = chromium.open(report)) {
      Set<Comparison> seen = new HashSet<>();
      for (CheckedSplit split : checked) {
        JsonNode rows = page.evaluate(String.format(ROWS, "section[data-split='" + split.label() + "'] table.distances"));
        List<DistanceResult> expected = split.anomalies().distances();
        assertEquals(expected.size(), rows.size(), split.label());
        for (int i = 0; i < expected.size(); i++) {
          DistanceResult d = expected.get(i);
          JsonNode row = rows.get(i);
          seen.add(d.comparison());
          assertEquals(d.feature(), row.get("feature").asText());
          assertEquals(d.comparison().name(), row.get("comparison").asText());
          assertEquals(d.metric().jsonName(), row.get("metric").asText());
          assertEquals(Html.number(d.value()), row.get("distance").asText());
          String result = Double.isNaN(d.threshold()) ? "reported only" : d.exceeded() ? "exceeded" : "ok";
          assertEquals(result, row.get("result").asText(), d.toString());
        }
      }
      assertEquals(Set.of(Comparison.DRIFT, Comparison.SKEW), seen);
      JsonNode exceeded = page.evaluate(
          "[...document.querySelectorAll('table.distances td.result.exceeded')].map(td => getComputedStyle(td).color)");
      assertTrue(exceeded.size() > 0);
      exceeded.forEach(colour -> assertEquals("rgb(207, 34, 46)", colour.asText(), "exceeded distances stand out in red"));
    }
  }

  @Test
  void cellsStayUnderTheirHeadingsAndNumbersLineUp(LocalChromium chromium) throws IOException {
    try (DevTools page = chromium.open(report)) {
      JsonNode misplaced = page.evaluate(
          """
          [...document.querySelectorAll('table')].flatMap(table => {
            const headings = [...table.tHead.rows[0].cells].map(th => th.getBoundingClientRect());
            return [...table.tBodies[0].rows].flatMap(row => [...row.cells]
              .filter((cell, i) => { const r = cell.getBoundingClientRect(), h = headings[i];
                  return row.cells.length !== headings.length || Math.abs(r.left - h.left) > 1 || Math.abs(r.right - h.right) > 1; })
              .map(cell => table.className + ': ' + cell.textContent));
          })
          """);
      assertEquals(0, misplaced.size(), misplaced.toString());
      JsonNode edges = page.evaluate(
          """
          [...document.querySelectorAll('table.distances')].map(table => [...table.tBodies[0].rows].map(row => {
            const range = document.createRange(); range.selectNodeContents(row.querySelector('td.distance'));
            return Math.round(range.getBoundingClientRect().right); }))
          """);
      for (JsonNode table : edges) {
        Set<Integer> right = new HashSet<>();
        table.forEach(x -> right.add(x.asInt()));
        assertEquals(1, right.size(), "distances are right-aligned: " + right);
      }
      byte[] png = page.screenshot();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertTrue(image.getWidth() >= 900 && image.getHeight() >= 800, image.getWidth() + "x" + image.getHeight());
      java.nio.file.Files.write(dir.resolve("anomalies.png"), png);
    }
  }
}
