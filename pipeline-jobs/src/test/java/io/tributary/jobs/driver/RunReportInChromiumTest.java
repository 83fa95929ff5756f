package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.testing.DevTools;
import io.tributary.jobs.testing.LocalChromium;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.html} of a run that ExampleValidator stopped, in headless Chromium: the stopping step
 * is drawn as stopped (not as a green COMPLETE box), with the reason, and the step it kept from
 * running as not run.
 */
@ExtendWith(LocalChromium.class)
class RunReportInChromiumTest {

  /** Per step box: its id, state attribute, classes, fill colour, the text a reader sees and the reason lines. */
  private static final String BOXES =
      "Object.fromEntries([...document.querySelectorAll('svg g.step')].map(g => [g.dataset.component,"
          + " {state: g.dataset.state, classes: g.getAttribute('class'),"
          + " fill: g.querySelector('rect').getAttribute('fill'),"
          + " text: [...g.querySelectorAll('text:not(.reason)')].map(t => t.textContent).join(' | '),"
          + " reason: [...g.querySelectorAll('text.reason')].map(t => t.textContent).join(' '),"
          + " tooltip: g.querySelector('title') ? g.querySelector('title').textContent : null}]))";

  @TempDir Path dir;

  @Test
  void theStoppingStepIsDrawnAsStoppedWithItsReason(LocalChromium chromium) throws Exception {
    RunSummary run;
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(dir))) {
      run = ValidationStopsTheRunTest.runGatedPipeline(
          dir, store, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
    Path report = dir.resolve("pipelines/gated/runs/" + run.runId() + "/run.html");
    try (DevTools page = chromium.open(report)) {
      JsonNode boxes = page.evaluate(BOXES);
      JsonNode validator = boxes.get("ExampleValidator");
      assertEquals("STOPPED", validator.get("state").asText(), validator.toString());
      assertEquals("step STOPPED", validator.get("classes").asText());
      assertTrue(validator.get("text").asText().startsWith("ExampleValidator | STOPPED · "), validator.toString());
      String why = run.step("ExampleValidator").error().replaceFirst("^stops the run: ", "");
      assertEquals("STOPPED: " + why, validator.get("tooltip").asText(), "the whole reason in the tooltip");
      String shown = validator.get("reason").asText();
      assertTrue(shown.length() > 10 && why.startsWith(shown.replace("…", "")), "the reason in the box: " + validator);
      assertEquals("#ffd8b5", validator.get("fill").asText(), "not the green of a completed step");

      assertEquals("COMPLETE", boxes.get("StatisticsGen").get("state").asText());
      assertEquals("#dafbe1", boxes.get("StatisticsGen").get("fill").asText());
      assertEquals("NOT RUN", boxes.get("Transform").get("state").asText(), boxes.get("Transform").toString());

      assertTrue(page.evaluate("document.body.innerText").asText().contains("STOPPED by ExampleValidator in "),
          "the page says how the run ended");
      assertEquals("STOPPED", page.evaluate(
          "[...document.querySelectorAll('table tr')].find(r => r.cells[0].textContent === 'ExampleValidator')"
              + ".cells[2].textContent").asText());
    }
  }
}
