package io.tributary.transforms.validation.report;

import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.artifacts.WriteArtifact;
import io.tributary.transforms.statistics.ValueCount;
import io.tributary.transforms.statistics.report.Html;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.DistanceResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code anomalies.html}: a summary of every checked split, then per split its anomalies, errors
 * first, in plain words (feature, type, severity, both descriptions, how to accept or fix it,
 * measured value, threshold, offending values), and every compared feature's skew or drift distance with its threshold,
 * whether or not it was exceeded. Self-contained and static: inline styles, no script, nothing
 * fetched, so it opens offline.
 *
 * <pre>{@code
 * PCollectionList.of(trainAnomalies).and(evalAnomalies).apply(Flatten.pCollections())
 *     .apply(AnomaliesReport.writeTo(root + "/anomalies.html", "penguins"));
 * }</pre>
 */
public final class AnomaliesReport {
  private static final String STYLE =
      "body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin:0.5em 0 2em}"
          + "th,td{padding:3px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #e4e4e4}"
          + "thead th{background:#f0f0f0}td.number,th.number{text-align:right;white-space:nowrap}"
          + ".ERROR{color:#cf222e;font-weight:bold}.WARNING{color:#9a6700;font-weight:bold}"
          + ".ok{color:#1a7f37}.exceeded{color:#cf222e;font-weight:bold}.reported{color:#777}"
          + "small{color:#555}p.compared{color:#555;margin:0}";
  private static final int EXAMPLES_SHOWN = 10;

  private AnomaliesReport() {}

  /** Writes {@link #html} as UTF-8 to {@code file}, a local path or a URI, through Beam's file systems. */
  /**
   * One checked split on the page.
   *
   * @param label how the page names it, e.g. {@code eval} or {@code serving eval}
   * @param comparedWith what its distributions were compared with, in words (e.g. "drift: split
   *     eval of /runs/41/statistics"); empty when nothing was
   */
  public record Section(String label, Anomalies anomalies, String comparedWith) {

    /** A split's anomalies under its own name, compared with nothing named. */
    public static Section of(Anomalies anomalies) {
      return new Section(anomalies.split(), anomalies, "");
    }
  }

  /** Writes {@link #html} as UTF-8 to {@code file}, a local path or a URI, through Beam's file systems. */
  public static void write(String file, String title, List<Section> splits) throws IOException {
    ArtifactFiles.writeText(file, html(title, splits));
  }

  /**
   * A transform that writes the page of all the anomalies in its input (one per split, in the
   * order of their split names) to {@code file} through Beam's file systems, on a worker.
   */
  public static WriteArtifact<Anomalies> writeTo(String file, String title) {
    if (title == null) {
      throw new IllegalArgumentException("AnomaliesReport.writeTo(" + file + ", null): give the page a title");
    }
    return WriteArtifact.all("AnomaliesReport.writeTo", file, splits -> {
      List<Anomalies> ordered = new ArrayList<>(splits);
      ordered.sort(Comparator.comparing(Anomalies::split));
      return html(title, ordered.stream().map(Section::of).toList());
    });
  }

  /** The page of {@code splits}, in the order given. */
  public static String html(String title, List<Section> splits) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>")
        .append(Html.escape(title)).append("</h1>\n");
    summary(page, splits);
    for (Section split : splits) {
      section(page, split);
    }
    return page.append("</body></html>\n").toString();
  }

  private static void summary(StringBuilder page, List<Section> splits) {
    page.append("<table class=\"summary\"><thead><tr><th>Split</th><th>Environment</th>")
        .append("<th class=\"number\">Errors</th><th class=\"number\">Warnings</th>")
        .append("<th class=\"number\">Distances</th><th>Compared with</th></tr></thead><tbody>\n");
    for (Section split : splits) {
      Anomalies anomalies = split.anomalies();
      int errors = anomalies.errors().size();
      page.append("<tr><td>").append(Html.escape(split.label())).append("</td><td>")
          .append(anomalies.environment() == null ? "–" : Html.escape(anomalies.environment()))
          .append("</td><td class=\"number\">").append(errors)
          .append("</td><td class=\"number\">").append(anomalies.anomalies().size() - errors)
          .append("</td><td class=\"number\">").append(anomalies.distances().size())
          .append("</td><td>").append(split.comparedWith().isEmpty() ? "–" : Html.escape(split.comparedWith()))
          .append("</td></tr>\n");
    }
    page.append("</tbody></table>\n");
  }

  private static void section(StringBuilder page, Section split) {
    Anomalies anomalies = split.anomalies();
    int errors = anomalies.errors().size();
    page.append("<section class=\"split\" data-split=\"").append(Html.escape(split.label())).append("\"><h2>Split ")
        .append(Html.escape(split.label())).append(": ")
        .append(anomalies.anomalies().isEmpty() ? "<span class=\"ok\">no anomalies</span>"
            : errors + " error(s), " + (anomalies.anomalies().size() - errors) + " warning(s)")
        .append("</h2>\n");
    if (!split.comparedWith().isEmpty()) {
      page.append("<p class=\"compared\">Compared with ").append(Html.escape(split.comparedWith())).append("</p>\n");
    }
    if (!anomalies.anomalies().isEmpty()) {
      page.append("<table class=\"anomalies\"><thead><tr><th>Severity</th><th>Feature</th><th>Type</th>")
          .append("<th>Anomaly</th><th class=\"number\">Measured</th><th class=\"number\">Threshold</th>")
          .append("<th>Values</th></tr></thead><tbody>\n");
      anomalies.anomalies().stream()
          .sorted(Comparator.comparing(Anomaly::severity))
          .forEach(a -> anomaly(page, a));
      page.append("</tbody></table>\n");
    }
    if (!anomalies.distances().isEmpty()) {
      page.append("<table class=\"distances\"><thead><tr><th>Feature</th><th>Comparison</th><th>Metric</th>")
          .append("<th class=\"number\">Distance</th><th class=\"number\">Threshold</th>")
          .append("<th class=\"number\">Values compared</th><th>Result</th></tr></thead><tbody>\n");
      anomalies.distances().forEach(d -> distance(page, d));
      page.append("</tbody></table>\n");
    }
    page.append("</section>\n");
  }

  private static void anomaly(StringBuilder page, Anomaly a) {
    page.append("<tr><td class=\"severity ").append(a.severity()).append("\">").append(a.severity())
        .append("</td><td class=\"feature\">").append(a.feature() == null ? "(split)" : Html.escape(a.feature()))
        .append("</td><td class=\"type\">").append(a.type())
        .append("</td><td class=\"description\"><b>").append(Html.escape(a.shortDescription()))
        .append("</b><br><small>").append(Html.escape(a.description()))
        .append(a.remedy().isEmpty() ? "" : "</small><br><small class=\"remedy\"><i>To accept or fix:</i> "
            + Html.escape(a.remedy()))
        .append("</small></td><td class=\"measured number\">").append(Html.number(a.measured()))
        .append("</td><td class=\"threshold number\">").append(Html.number(a.threshold()))
        .append("</td><td class=\"values\">").append(Html.escape(examples(a.examples())))
        .append("</td></tr>\n");
  }

  private static String examples(List<ValueCount> examples) {
    String shown = examples.stream()
        .limit(EXAMPLES_SHOWN)
        .map(e -> Html.shorten(e.value(), 40) + (Double.isNaN(e.count()) ? "" : " (" + Html.number(e.count()) + ")"))
        .collect(Collectors.joining(", "));
    return examples.size() > EXAMPLES_SHOWN ? shown + ", …" : shown;
  }

  private static void distance(StringBuilder page, DistanceResult d) {
    boolean checked = !Double.isNaN(d.threshold());
    String result = !checked ? "reported only" : d.exceeded() ? "exceeded" : "ok";
    page.append("<tr><td class=\"feature\">").append(Html.escape(d.feature()))
        .append("</td><td class=\"comparison\">").append(d.comparison())
        .append("</td><td class=\"metric\">").append(d.metric().jsonName())
        .append("</td><td class=\"distance number\">").append(Html.number(d.value()))
        .append("</td><td class=\"threshold number\">").append(checked ? Html.number(d.threshold()) : "–")
        .append(d.thresholdFromSchema() ? " <small>(schema)</small>" : "")
        .append("</td><td class=\"counts number\">").append(d.baselineCount()).append(" / ").append(d.currentCount())
        .append("</td><td class=\"result ").append(!checked ? "reported" : d.exceeded() ? "exceeded" : "ok")
        .append("\">").append(result).append("</td></tr>\n");
  }
}
