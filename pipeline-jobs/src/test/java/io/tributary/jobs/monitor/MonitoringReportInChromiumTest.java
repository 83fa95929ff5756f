package io.tributary.jobs.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.testing.DevTools;
import io.tributary.jobs.testing.LocalChromium;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.monitor.SpanCheck;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitoring.html} in headless Chromium: it loads offline without errors, and the alert of
 * the shifted feature is drawn on that feature's chart only, at the shifted span.
 */
@ExtendWith(LocalChromium.class)
class MonitoringReportInChromiumTest {

  private static final Schema LOGGED = Schema.builder()
      .addNullableField("Flipper_Length__mm_", Schema.FieldType.DOUBLE)
      .addNullableField("island", Schema.FieldType.STRING)
      .addNullableField("prediction", Schema.FieldType.STRING)
      .build();
  private static final ColumnNames NAMES = ColumnNames.of(Map.of("Flipper Length (mm)", "Flipper_Length__mm_"));

  @TempDir Path dir;

  private static DatasetStatistics statistics(String split, long seed, double shift) {
    Random random = new Random(seed);
    StatisticsCollector collector = Statistics.generate().withSplit(split).collector(LOGGED);
    for (int i = 0; i < 300; i++) {
      double flipper = 200 + 12 * random.nextGaussian() + shift;
      collector.add(Row.withSchema(LOGGED).addValues(flipper, random.nextBoolean() ? "Dream" : "Biscoe",
          random.nextBoolean() ? "Adelie" : "Gentoo").build());
    }
    return collector.result();
  }

  @Test
  void loadsOfflineAndRingsTheShiftedFeatureOnly(LocalChromium chromium) throws Exception {
    DatasetSchema schema = DatasetSchema.builder().setFeatures(List.of(
        FeatureSchema.builder("Flipper_Length__mm_", FeatureType.FLOAT).build(),
        FeatureSchema.builder("island", FeatureType.STRING).build())).build();
    DatasetStatistics training = statistics("train", 1, 0);
    List<SpanFindings> spans = new ArrayList<>();
    DatasetStatistics previous = null;
    long[] numbers = {202612072000L, 202612072100L, 202612072200L};
    double[] shifts = {0, 0, 25};
    for (int i = 0; i < 3; i++) {
      DatasetStatistics current = statistics(Long.toString(numbers[i]), 10 + i, shifts[i]);
      SpanCheck check = SpanCheck.of("penguin", 1, numbers[i], schema, training, previous, current, NAMES);
      spans.add(SpanFindings.of("penguin", 1, check, null, new SpanFindings.MetricThresholds(null, null)));
      previous = current;
    }
    Path report = dir.resolve(MonitorJob.REPORT);
    MonitoringReport.write(report, "penguin", 1, schema, NAMES, spans, Map.of());

    try (DevTools page = chromium.open(report, "Network", "Runtime", "Log")) {
      List<String> requested = new ArrayList<>();
      page.events("Network.requestWillBeSent").forEach(e -> requested.add(e.path("request").path("url").asText()));
      assertEquals(List.of(report.toAbsolutePath().toUri().toString()), requested, "the page asks for nothing else");
      assertEquals(0, page.events("Runtime.exceptionThrown").size());
      assertEquals(0, page.events("Log.entryAdded").stream()
          .filter(e -> e.path("entry").path("level").asText().equals("error")).count());
      JsonNode rings = page.evaluate("Object.fromEntries([...document.querySelectorAll('.chart')].map(c =>"
          + " [c.querySelector('h3').textContent, c.querySelectorAll('.alert-mark').length]))");
      assertEquals(2, rings.get("Flipper Length (mm)").asInt(), "skew and drift, at the shifted span: " + rings);
      assertEquals(0, rings.get("island").asInt(), rings.toString());
      assertEquals(0, rings.get("prediction").asInt(), rings.toString());
      JsonNode alerted = page.evaluate("[...document.querySelectorAll('tr.alert')].map(r => r.cells[0].textContent"
          + " + ' ' + r.cells[1].textContent + ' ' + r.cells[2].textContent)");
      assertEquals("[\"202612072200 skew Flipper Length (mm)\",\"202612072200 drift Flipper Length (mm)\"]",
          alerted.toString());
      assertEquals(3, page.evaluate("document.querySelectorAll('.chart')[0].querySelectorAll('svg > text[text-anchor]')"
          + ".length").asInt(), "each span labelled");
    }
  }
}
