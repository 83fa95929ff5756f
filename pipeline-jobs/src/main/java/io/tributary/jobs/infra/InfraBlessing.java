package io.tributary.jobs.infra;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.jobs.artifacts.ArtifactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The InfraValidator's verdict, as an infra blessing folder (artifact type {@code InfraBlessing}):
 *
 * <pre>
 * INFRA_BLESSED        one line: the measured figures     (or INFRA_NOT_BLESSED: one reason a line)
 * infra_blessing.json  this record: formatVersion, blessed, reason, measured latency and heap
 * </pre>
 *
 * <p>A model is blessed when it loads in a fresh JVM, every canary row is scored, and the p99
 * latency (the median of several rounds' p99s, after a warm-up: {@link LatencyProbe}) and the heap
 * stay within the limits that are set. Format version 1; fields are only
 * ever added.
 *
 * @param formatVersion 1
 * @param blessed whether the model may be pushed
 * @param reason why not (the reasons joined by "; "), or the measured figures when blessed
 * @param reasons each reason it is not blessed; empty when blessed
 * @param model the model folder validated
 * @param transform the transform folder given, or null when the model's own was used
 * @param settings the canary split, size and limits
 * @param canaryRows rows sent through the serving path
 * @param failedRows rows whose prediction failed
 * @param loadMs how long the model and transform took to load, or null when they did not
 * @param latencyMs one prediction's latency quantiles, or null when the model did not load
 * @param heapUsedMb heap held after serving the canary, or null when the model did not load
 */
@JsonPropertyOrder({
  "formatVersion", "blessed", "reason", "reasons", "model", "transform", "settings", "canaryRows", "failedRows", "loadMs",
  "latencyMs", "heapUsedMb"
})
public record InfraBlessing(
    int formatVersion, boolean blessed, String reason, List<String> reasons, String model, String transform, CanarySettings settings,
    int canaryRows, int failedRows, Double loadMs, Latency latencyMs, Double heapUsedMb) {

  public static final int FORMAT_VERSION = 1;
  public static final String BLESSED = "INFRA_BLESSED";
  public static final String NOT_BLESSED = "INFRA_NOT_BLESSED";
  public static final String FILE = "infra_blessing.json";

  /** Judges a canary's report against the settings' limits. */
  static InfraBlessing judge(Path model, Path transform, CanarySettings settings, CanaryReport report) {
    List<String> reasons = new ArrayList<>();
    if (!report.loaded()) {
      reasons.add(report.error());
    } else {
      if (report.failedRows() > 0) {
        reasons.add(report.failedRows() + " of " + report.rows() + " canary rows failed on the serving path, the first: "
            + report.firstFailure());
      }
      Double maxLatency = settings.maxP99LatencyMs();
      if (maxLatency != null && report.latencyMs().p99() > maxLatency) {
        reasons.add(String.format(Locale.ROOT, "p99 latency %.3f ms is above the limit of %s ms (%s)",
            report.latencyMs().p99(), maxLatency, report.latencyMs().method()));
      }
      Long maxHeap = settings.maxHeapMb();
      if (maxHeap != null && report.heapUsedMb() > maxHeap) {
        reasons.add(String.format(Locale.ROOT, "heap used %.1f MB is above the limit of %d MB", report.heapUsedMb(), maxHeap));
      }
    }
    String reason = reasons.isEmpty() ? figures(report) : String.join("; ", reasons);
    return new InfraBlessing(
        FORMAT_VERSION, reasons.isEmpty(), reason, List.copyOf(reasons), model.toString(), transform == null ? null : transform.toString(),
        settings, report.rows(), report.failedRows(), report.loadMs(), report.latencyMs(), report.heapUsedMb());
  }

  private static String figures(CanaryReport report) {
    Latency latency = report.latencyMs();
    return String.format(Locale.ROOT,
        "loaded in %.0f ms; %d canary rows served, latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (%s), max %.3f ms;"
            + " heap used %.1f MB",
        report.loadMs(), report.rows(), latency.p50(), latency.p90(), latency.p99(), latency.method(), latency.max(),
        report.heapUsedMb());
  }

  /** Writes the marker file and {@value #FILE} into {@code folder}. */
  void write(Path folder) {
    String marker = blessed ? BLESSED : NOT_BLESSED;
    String text = blessed ? reason : String.join("\n", reasons);
    try {
      Files.writeString(folder.resolve(marker), text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(marker) + ": " + e.getMessage(), e);
    }
    ArtifactJson.write(folder.resolve(FILE), this);
  }

  public static InfraBlessing read(Path folder) {
    return ArtifactJson.read(folder.resolve(FILE), InfraBlessing.class);
  }
}
