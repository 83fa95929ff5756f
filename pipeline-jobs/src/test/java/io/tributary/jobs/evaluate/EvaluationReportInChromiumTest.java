package io.tributary.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.testing.DevTools;
import io.tributary.jobs.testing.LocalChromium;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.SliceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the real job's {@code evaluation.html} (a weak candidate against the good penguin model)
 * in headless Chromium: it loads offline without errors, and shows the verdict, the reasons, every
 * slice's numbers for both models, and confusion matrices that add up.
 */
@ExtendWith(LocalChromium.class)
class EvaluationReportInChromiumTest {

  @TempDir static Path dir;
  private static Path report;
  private static MetricsFile metrics;

  @BeforeAll
  static void runTheJob() throws IOException {
    PenguinCandidates penguins = PenguinCandidates.get();
    Path config = Files.writeString(dir.resolve("evaluation.yaml"),
        """
        slices: [island, [island, sex]]
        thresholds:
          - {metric: accuracy, lowerBound: 0.5}
          - {metric: accuracy, change: {absolute: 0}}
        """);
    Path out = dir.resolve("evaluation");
    metrics = penguins.evaluate(
        "--examples=" + penguins.training.examples, "--model=" + penguins.weakModel,
        "--baselineModel=" + penguins.training.model, "--config=" + config, "--output=" + out);
    report = out.resolve(EvaluateJob.REPORT);
  }

  @Test
  void loadsOfflineWithoutErrorsAndShowsTheVerdict(LocalChromium chromium) {
    try (DevTools page = chromium.open(report, "Network", "Runtime", "Log")) {
      List<String> requested = new ArrayList<>();
      page.events("Network.requestWillBeSent").forEach(e -> requested.add(e.path("request").path("url").asText()));
      assertEquals(List.of(report.toAbsolutePath().toUri().toString()), requested, "the page asks for nothing else");
      assertEquals(List.of(), errors(page));
      assertEquals("not-blessed", page.evaluate("document.querySelector('#verdict').className").asText());
      assertEquals("NOT BLESSED", page.evaluate("document.querySelector('#verdict h2').textContent").asText());
      JsonNode reasons = page.evaluate("[...document.querySelectorAll('#reasons li')].map(li => li.textContent)");
      assertEquals(metrics.blessing().reasons().size(), reasons.size());
      assertEquals(metrics.blessing().reasons().get(0), reasons.get(0).asText());
      assertEquals("fail", page.evaluate("document.querySelector('#checks tbody tr:nth-child(2) td').textContent").asText());
    }
  }

  @Test
  void everySliceShowsBothModelsNumbers(LocalChromium chromium) {
    try (DevTools page = chromium.open(report)) {
      JsonNode slices = page.evaluate("[...document.querySelectorAll('#slices tbody')].map(b => b.dataset.slice)");
      assertEquals(metrics.candidate().slices().size(), slices.size());
      assertEquals("Overall", slices.get(0).asText());
      for (int i = 0; i < slices.size(); i++) {
        SliceMetrics candidate = metrics.candidate().slices().get(i);
        SliceMetrics baseline = metrics.baseline().slice(candidate.key()).orElseThrow();
        assertEquals(candidate.slice(), slices.get(i).asText());
        assertEquals(EvaluationReport.number(candidate.classification().accuracy()), cell(page, i, "candidate", "accuracy"));
        assertEquals(EvaluationReport.number(baseline.classification().accuracy()), cell(page, i, "baseline", "accuracy"));
        assertEquals(String.valueOf(candidate.metrics().examples()), cell(page, i, "candidate", "examples"));
      }
      String change = cell(page, 0, "change", "accuracy");
      assertTrue(change.startsWith("-"), "the weak candidate is worse overall: " + change);
      assertTrue(page.evaluate("document.querySelector('#slices tbody tr.change td[data-metric=accuracy]')"
          + ".classList.contains('worse')").asBoolean());
    }
  }

  @Test
  void confusionMatricesAddUpToTheExamples(LocalChromium chromium) {
    ClassificationMetrics overall = metrics.candidate().slice(SliceKey.OVERALL).orElseThrow().classification();
    try (DevTools page = chromium.open(report)) {
      for (String model : List.of("candidate", "baseline")) {
        JsonNode counts = page.evaluate(
            "[...document.querySelectorAll(\"table.confusion[data-slice='Overall'][data-model='" + model + "'] td\")]"
                + ".map(td => Number(td.dataset.count))");
        assertEquals(overall.classes().size() * overall.classes().size(), counts.size(), model);
        long sum = 0;
        for (JsonNode count : counts) {
          sum += count.asLong();
        }
        assertEquals(114, sum, model + "'s matrix counts every example once");
      }
      assertEquals(
          overall.confusion().get("Adelie").getOrDefault("Adelie", 0L).longValue(),
          page.evaluate("document.querySelector(\"table.confusion[data-slice='Overall'][data-model='candidate']"
              + " tbody tr td\").dataset.count").asLong());
      assertTrue(page.evaluate("document.querySelector('details').open").asBoolean(), "the overall matrices are shown");
    }
  }

  @Test
  void theErrorCheckSeesAPageThatThrows(LocalChromium chromium) throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><p>x</p><script>noSuchFunction()</script>");
    try (DevTools page = chromium.open(broken, "Runtime", "Log")) {
      List<String> errors = errors(page);
      assertEquals(1, errors.size(), errors.toString());
      assertTrue(errors.get(0).contains("noSuchFunction"), errors.get(0));
    }
  }

  /** Uncaught exceptions, console errors and warnings, and error log entries of the page. */
  private static List<String> errors(DevTools page) {
    List<String> errors = new ArrayList<>();
    page.events("Runtime.exceptionThrown").forEach(e -> errors.add(e.path("exceptionDetails").toString()));
    page.events("Runtime.consoleAPICalled").stream()
        .filter(e -> e.path("type").asText().matches("error|warning|assert"))
        .forEach(e -> errors.add(e.toString()));
    page.events("Log.entryAdded").stream()
        .filter(e -> e.path("entry").path("level").asText().equals("error"))
        .forEach(e -> errors.add(e.toString()));
    return errors;
  }

  private static String cell(DevTools page, int slice, String row, String metric) {
    return page.evaluate("document.querySelectorAll('#slices tbody')[" + slice + "].querySelector('tr." + row
        + " td[data-metric=" + metric + "]').textContent").asText();
  }
}
