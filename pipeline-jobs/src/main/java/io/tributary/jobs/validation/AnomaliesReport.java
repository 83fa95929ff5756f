package io.tributary.jobs.validation;

import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.DistanceResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code anomalies.html}: every split's anomalies, worst first, in plain words, and every compared
 * feature's distance with its threshold. Self-contained: no scripts, no network.
 */
final class AnomaliesReport {

  private AnomaliesReport() {}

  static void write(Path file, String title, List<Anomalies> splits) throws IOException {
    Files.writeString(file, html(title, splits), StandardCharsets.UTF_8);
  }

  static String html(String title, List<Anomalies> splits) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>")
        .append(escape(title)).append("</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
        .append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}")
        .append(".ERROR{color:#cf222e;font-weight:bold}.WARNING{color:#9a6700;font-weight:bold}")
        .append(".ok{color:#1a7f37}.exceeded{color:#cf222e;font-weight:bold}small{color:#555}")
        .append("</style></head><body><h1>").append(escape(title)).append("</h1>");
    for (Anomalies split : splits) {
      long errors = split.errors().size();
      page.append("<h2 class='split' data-split='").append(escape(split.split())).append("'>Split ")
          .append(escape(split.split())).append(": ")
          .append(split.anomalies().isEmpty() ? "<span class='ok'>no anomalies</span>"
              : errors + " error(s), " + (split.anomalies().size() - errors) + " warning(s)")
          .append("</h2>");
      if (!split.anomalies().isEmpty()) {
        page.append("<table class='anomalies'><tr><th>Severity</th><th>Feature</th><th>Anomaly</th>")
            .append("<th>Measured</th><th>Threshold</th></tr>");
        split.anomalies().stream()
            .sorted((a, b) -> a.severity().compareTo(b.severity()))
            .forEach(a -> row(page, a));
        page.append("</table>");
      }
      if (!split.distances().isEmpty()) {
        page.append("<table class='distances'><tr><th>Feature</th><th>Comparison</th><th>Metric</th>")
            .append("<th>Distance</th><th>Threshold</th></tr>");
        for (DistanceResult d : split.distances()) {
          page.append("<tr><td>").append(escape(d.feature())).append("</td><td>").append(d.comparison())
              .append("</td><td>").append(d.metric()).append("</td><td class='")
              .append(d.exceeded() ? "exceeded" : "ok").append("'>").append(String.format("%.4f", d.value()))
              .append("</td><td>").append(String.format("%.4f", d.threshold())).append("</td></tr>");
        }
        page.append("</table>");
      }
    }
    return page.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder page, Anomaly a) {
    page.append("<tr><td class='").append(a.severity()).append("'>").append(a.severity()).append("</td><td>")
        .append(a.feature() == null ? "(dataset)" : escape(a.feature())).append("</td><td><b>")
        .append(escape(a.shortDescription())).append("</b><br><small>").append(escape(a.description()))
        .append(" [").append(a.type()).append("]</small></td><td>").append(number(a.measured()))
        .append("</td><td>").append(number(a.threshold())).append("</td></tr>");
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format("%,d", (long) value) : String.format("%.4g", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
