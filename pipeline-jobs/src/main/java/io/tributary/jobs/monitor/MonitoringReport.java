package io.tributary.jobs.monitor;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.inference.PredictionRows;
import io.tributary.transforms.monitor.Alert;
import io.tributary.transforms.monitor.AlertKind;
import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.report.Html;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Comparison;
import io.tributary.transforms.validation.DistanceResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code monitoring.html}: one self-contained page (inline SVG and CSS, no script, no network) with
 * the alerts, then a time series per served feature: its skew and drift distance per span, each
 * with its threshold line (thresholds depend on the sample sizes, so the line is per span), and
 * the spans where it raised an alert marked; then the prediction column's drift and the realized
 * metrics. The distance drawn is the headline one of the feature's type: Kolmogorov-Smirnov for
 * numbers, L-infinity for strings and booleans (every distance is in {@code spans/<span>/anomalies.json}).
 */
final class MonitoringReport {

  private static final List<ComparatorMetric> HEADLINE =
      List.of(ComparatorMetric.KOLMOGOROV_SMIRNOV, ComparatorMetric.L_INFINITY, ComparatorMetric.JENSEN_SHANNON);
  private static final int WIDTH = 560;
  private static final int HEIGHT = 170;
  private static final int LEFT = 48;
  private static final int BOTTOM = 30;
  private static final String SKEW_COLOUR = "#1f77b4";
  private static final String DRIFT_COLOUR = "#ff7f0e";

  /** One line of a chart: a value and a threshold per span (NaN where not measured), and where it alerted. */
  private record Series(String name, String colour, double[] values, double[] thresholds, boolean[] alerted) {}

  private MonitoringReport() {}

  static void write(Path file, String model, long version, DatasetSchema schema, ColumnNames names,
      List<SpanFindings> spans, Map<String, Long> joinCounts) throws IOException {
    Files.writeString(file, html(model, version, schema, names, spans, joinCounts), StandardCharsets.UTF_8);
  }

  static String html(String model, long version, DatasetSchema schema, ColumnNames names, List<SpanFindings> spans,
      Map<String, Long> joinCounts) {
    StringBuilder html = new StringBuilder();
    String title = "Monitoring of " + model + " version " + version;
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
        .append("</title><style>body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.alert{color:#b00020;font-weight:bold}"
            + ".chart{display:inline-block;margin:0 1.5em 1.5em 0;vertical-align:top}svg text{font-size:10px}"
            + "</style></head><body>");
    html.append("<h1>").append(Html.escape(title)).append("</h1><p>").append(spans.size()).append(" span(s), ")
        .append(spans.stream().mapToLong(SpanFindings::rows).sum()).append(" logged requests.</p>");
    alerts(html, spans);
    html.append("<h2>Served features</h2><p>Solid: distance per span; dashed: its threshold (")
        .append("<span style=\"color:" + SKEW_COLOUR + "\">skew against the training data</span>, ")
        .append("<span style=\"color:" + DRIFT_COLOUR + "\">drift against the previous span</span>); "
            + "red rings: an alert. The distance drawn is Kolmogorov-Smirnov for numbers and L-infinity for"
            + " strings; an alert names the distance that fired, and spans/&lt;span&gt;/anomalies.json holds"
            + " every distance.</p>");
    for (FeatureSchema feature : schema.features()) {
      if (!feature.isIn(DatasetSchema.SERVING)) {
        continue;
      }
      String name = names == null ? feature.name() : names.original(feature.name());
      chart(html, name, spans, List.of(
          series("skew", SKEW_COLOUR, spans, s -> Optional.of(s.served()), feature.name(), Comparison.SKEW, name, AlertKind.SKEW),
          series("drift", DRIFT_COLOUR, spans, s -> Optional.of(s.served()), feature.name(), Comparison.DRIFT, name,
              AlertKind.DRIFT)));
    }
    html.append("<h2>Predictions</h2>");
    chart(html, PredictionRows.PREDICTION, spans, List.of(series("drift", DRIFT_COLOUR, spans,
        s -> Optional.ofNullable(s.predictionDrift()), PredictionRows.PREDICTION, Comparison.DRIFT,
        PredictionRows.PREDICTION, AlertKind.PREDICTION_DRIFT)));
    metrics(html, spans, joinCounts);
    return html.append("</body></html>\n").toString();
  }

  private static void alerts(StringBuilder html, List<SpanFindings> spans) {
    List<Alert> alerts = spans.stream().flatMap(s -> s.alerts().stream()).toList();
    html.append("<h2>Alerts</h2>");
    if (alerts.isEmpty()) {
      html.append("<p>No alert.</p>");
      return;
    }
    html.append("<table><tr><th>span</th><th>kind</th><th>feature</th><th>check</th><th>measured</th>"
        + "<th>threshold</th><th>what</th></tr>");
    for (Alert a : alerts) {
      html.append("<tr class=\"alert\"><td>").append(a.span()).append("</td><td>").append(a.kind().jsonName())
          .append("</td><td>").append(Html.escape(a.feature() == null ? "–" : a.feature())).append("</td><td>")
          .append(Html.escape(a.check())).append("</td><td>").append(Html.number(a.measured())).append("</td><td>")
          .append(Html.number(a.threshold())).append("</td><td>").append(Html.escape(a.description())).append("</td></tr>");
    }
    html.append("</table>");
  }

  private static Series series(String label, String colour, List<SpanFindings> spans,
      java.util.function.Function<SpanFindings, Optional<Anomalies>> of, String field, Comparison comparison,
      String alertFeature, AlertKind kind) {
    double[] values = new double[spans.size()];
    double[] thresholds = new double[spans.size()];
    boolean[] alerted = new boolean[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      SpanFindings span = spans.get(i);
      Optional<DistanceResult> headline = of.apply(span).flatMap(a -> headline(a, field, comparison));
      values[i] = headline.map(DistanceResult::value).orElse(Double.NaN);
      thresholds[i] = headline.map(DistanceResult::threshold).orElse(Double.NaN);
      alerted[i] = span.alerts().stream().anyMatch(a -> a.kind() == kind && alertFeature.equals(a.feature()));
    }
    return new Series(label, colour, values, thresholds, alerted);
  }

  private static Optional<DistanceResult> headline(Anomalies anomalies, String field, Comparison comparison) {
    for (ComparatorMetric metric : HEADLINE) {
      Optional<DistanceResult> found = anomalies.distances().stream()
          .filter(d -> d.feature().equals(field) && d.comparison() == comparison && d.metric() == metric).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static void chart(StringBuilder html, String title, List<SpanFindings> spans, List<Series> lines) {
    double top = 0;
    for (Series s : lines) {
      for (int i = 0; i < spans.size(); i++) {
        top = Math.max(top, Math.max(finite(s.values()[i]), finite(s.thresholds()[i])));
      }
    }
    top = top == 0 ? 1 : top * 1.15;
    html.append("<div class=\"chart\"><h3>").append(Html.escape(title)).append("</h3>")
        .append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            WIDTH, HEIGHT, Html.escape(title)));
    int plotWidth = WIDTH - LEFT - 10;
    int plotHeight = HEIGHT - BOTTOM - 10;
    html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
        + "<text x=\"2\" y=\"14\">%s</text><text x=\"2\" y=\"%d\">0</text>",
        LEFT, LEFT, 10 + plotHeight, LEFT, 10 + plotHeight, LEFT + plotWidth, 10 + plotHeight, Html.number(top),
        10 + plotHeight));
    // At most 6 span labels fit under a chart; the points keep their span in their tooltip.
    int every = (spans.size() + 5) / 6;
    for (int i = 0; i < spans.size(); i += every) {
      html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
          x(i, spans.size(), plotWidth), HEIGHT - 8, spans.get(i).span()));
    }
    for (Series s : lines) {
      polyline(html, s.values(), s.colour(), "", top, plotWidth, plotHeight, s.name() + " distance");
      polyline(html, s.thresholds(), s.colour(), " stroke-dasharray=\"5,3\"", top, plotWidth, plotHeight,
          s.name() + " threshold");
      for (int i = 0; i < spans.size(); i++) {
        if (Double.isNaN(s.values()[i])) {
          continue;
        }
        double cx = x(i, spans.size(), plotWidth);
        double cy = y(s.values()[i], top, plotHeight);
        html.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s"
            + " (threshold %s)</title></circle>", cx, cy, s.colour(), s.name(), spans.get(i).span(),
            Html.number(s.values()[i]), Html.number(s.thresholds()[i])));
        if (s.alerted()[i]) {
          html.append(String.format(Locale.ROOT,
              "<circle class=\"alert-mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" stroke=\"#d00\" stroke-width=\"2\"/>",
              cx, cy));
        }
      }
    }
    html.append("</svg></div>");
  }

  private static void polyline(StringBuilder html, double[] values, String colour, String dash, double top,
      int plotWidth, int plotHeight, String title) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, values.length, plotWidth), y(values[i], top, plotHeight)));
      }
    }
    if (!points.isEmpty()) {
      html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"").append(dash)
          .append(" points=\"").append(String.join(" ", points)).append("\"><title>").append(Html.escape(title))
          .append("</title></polyline>");
    }
  }

  private static void metrics(StringBuilder html, List<SpanFindings> spans, Map<String, Long> joinCounts) {
    html.append("<h2>Realized metrics</h2>");
    if (spans.stream().allMatch(s -> s.metrics() == null)) {
      html.append("<p>No labels joined (give --labels).</p>");
      return;
    }
    html.append("<p>Labels: ").append(joinCounts.getOrDefault("matched", 0L)).append(" joined, ")
        .append(joinCounts.getOrDefault("unmatched_predictions", 0L)).append(" predictions without a label, ")
        .append(joinCounts.getOrDefault("unmatched_labels", 0L)).append(" labels without a logged prediction, ")
        .append(joinCounts.getOrDefault("conflicting_labels", 0L)).append(" conflicting.</p>");
    html.append("<table><tr><th>span</th><th>labelled</th><th>metric</th><th>value</th></tr>");
    for (SpanFindings span : spans) {
      if (span.metrics() == null) {
        continue;
      }
      for (String name : List.of("accuracy", "macroF1", "logLoss", "rmse", "mae", "r2")) {
        Double value = span.metrics().byName().get(name);
        if (value != null) {
          boolean alert = span.alerts().stream().anyMatch(a -> a.kind() == AlertKind.METRIC && name.equals(a.feature()));
          html.append(alert ? "<tr class=\"alert\">" : "<tr>").append("<td>").append(span.span()).append("</td><td>")
              .append(span.metrics().examples()).append("</td><td>").append(name).append("</td><td>")
              .append(Html.number(value)).append("</td></tr>");
        }
      }
    }
    html.append("</table>");
  }

  private static double x(int i, int n, int plotWidth) {
    return LEFT + (n == 1 ? plotWidth / 2.0 : 36 + i * (plotWidth - 72.0) / (n - 1));
  }

  private static double y(double value, double top, int plotHeight) {
    return 10 + plotHeight * (1 - value / top);
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }
}
