package io.tributary.jobs.evaluate;

import io.tributary.jobs.artifacts.ReportTitle;
import io.tributary.transforms.evaluate.ClassMetrics;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.SliceKey;
import io.tributary.transforms.evaluate.blessing.Blessing;
import io.tributary.transforms.evaluate.blessing.Direction;
import io.tributary.transforms.evaluate.blessing.ThresholdCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code evaluation.html}: the verdict and its reasons, every threshold check, the metrics of every
 * slice with the baseline's and the change beside them, per-class metrics and the confusion
 * matrices. Self-contained and offline: inline CSS, no script, no external URL.
 *
 * <p>Elements tests and readers can rely on: {@code #verdict} (class {@code blessed} or {@code
 * not-blessed}), {@code #reasons li}, {@code table#checks}, {@code table#slices} with one {@code
 * tbody[data-slice]} per slice and cells {@code td[data-metric]} in rows {@code tr.candidate},
 * {@code tr.baseline}, {@code tr.change}, and {@code table.confusion[data-slice][data-model]} with
 * {@code td[data-count]} cells.
 */
final class EvaluationReport {

  private static final List<String[]> CLASSIFICATION_COLUMNS =
      List.of(
          new String[] {"examples", "Examples"}, new String[] {"accuracy", "Accuracy"},
          new String[] {"macroPrecision", "Macro precision"}, new String[] {"macroRecall", "Macro recall"},
          new String[] {"macroF1", "Macro F1"}, new String[] {"logLoss", "Log loss"}, new String[] {"rocAuc", "ROC AUC"},
          new String[] {"prAuc", "PR AUC"});
  private static final List<String[]> REGRESSION_COLUMNS =
      List.of(new String[] {"examples", "Examples"}, new String[] {"rmse", "RMSE"}, new String[] {"mae", "MAE"},
          new String[] {"r2", "R²"});

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}"
          + "h1{margin-bottom:4px}h2{margin-top:32px}code{font-size:90%;word-break:break-all}"
          + "table{border-collapse:collapse;margin:8px 0 16px}th,td{padding:4px 10px;border-bottom:1px solid #ddd}"
          + "th{text-align:left;background:#f6f8fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
          + "#verdict{padding:12px 16px;border-radius:6px;margin:16px 0}"
          + "#verdict.blessed{background:#dafbe1;border:1px solid #1a7f37}"
          + "#verdict.not-blessed{background:#ffebe9;border:1px solid #cf222e}#verdict h2{margin:0 0 6px}"
          + ".pass{color:#1a7f37;font-weight:bold}.fail{color:#cf222e;font-weight:bold}.skip{color:#9a6700}"
          + "tr.baseline td{color:#555}tr.change td{font-size:85%}.better{color:#1a7f37}.worse{color:#cf222e}"
          + "tbody.slice{border-top:2px solid #bbb}.inputs{color:#444}.matrices{display:flex;gap:32px;flex-wrap:wrap}"
          + "table.confusion td{min-width:48px}caption{text-align:left;font-weight:bold;padding:4px 0}"
          + "details{margin:6px 0}summary{cursor:pointer}";

  private EvaluationReport() {}

  static void write(Path file, MetricsFile metrics) throws IOException {
    Files.writeString(file, html(metrics), StandardCharsets.UTF_8);
  }

  static String html(MetricsFile m) {
    String title = ReportTitle.folder(Path.of(m.candidate().model())) + " — evaluation on split " + m.split();
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>")
        .append(escape(title)).append("</title><style>").append(STYLE)
        .append("</style></head><body><h1>").append(escape(title)).append("</h1>");
    inputs(page, m);
    verdict(page, m.blessing());
    checks(page, m.blessing());
    slices(page, m);
    if (m.candidate().slice(SliceKey.OVERALL).map(SliceMetrics::classification).isPresent()) {
      perClass(page, m);
      confusion(page, m);
    }
    return page.append("</body></html>\n").toString();
  }

  private static void inputs(StringBuilder page, MetricsFile m) {
    page.append("<p class='inputs'>Candidate <code>").append(escape(m.candidate().model())).append("</code><br>")
        .append(m.baseline() == null ? "No baseline model: change thresholds are skipped"
            : "Baseline <code>" + escape(m.baseline().model()) + "</code>")
        .append("<br>Split <b>").append(escape(m.split())).append("</b> of <code>").append(escape(m.examples()))
        .append("</code>, label <b>").append(escape(m.label())).append("</b> (").append(escape(m.task()))
        .append("), config <code>").append(escape(m.config())).append("</code><br>")
        .append(m.candidate().scored()).append(" rows scored, ").append(m.candidate().deadLetters())
        .append(" could not be scored (errors/)</p>");
  }

  private static void verdict(StringBuilder page, Blessing blessing) {
    page.append("<section id='verdict' class='").append(blessing.blessed() ? "blessed" : "not-blessed").append("'><h2>")
        .append(blessing.blessed() ? "BLESSED" : "NOT BLESSED").append("</h2><p>").append(escape(blessing.summary()))
        .append("</p>");
    if (!blessing.reasons().isEmpty()) {
      page.append("<ul id='reasons'>");
      blessing.reasons().forEach(reason -> page.append("<li>").append(escape(reason)).append("</li>"));
      page.append("</ul>");
    }
    page.append("</section>");
  }

  private static void checks(StringBuilder page, Blessing blessing) {
    page.append("<h2>Thresholds</h2>");
    if (blessing.checks().isEmpty() && blessing.skipped().isEmpty()) {
      page.append("<p>No thresholds are configured and the naive-baseline check is off: every model is blessed.</p>");
      return;
    }
    page.append("<table id='checks'><thead><tr><th>Result</th><th>Kind</th><th>Metric</th><th>Slice</th>")
        .append("<th class='n'>Candidate</th><th class='n'>Baseline or naive</th><th>Condition</th></tr></thead><tbody>");
    for (ThresholdCheck check : blessing.checks()) {
      page.append("<tr><td class='").append(check.passed() ? "pass'>pass" : "fail'>fail").append("</td><td>")
          .append(check.kind()).append("</td><td>").append(escape(check.metric())).append("</td><td>")
          .append(escape(check.slice())).append("</td><td class='n'>").append(number(check.candidate()))
          .append("</td><td class='n'>").append(number(check.baseline())).append("</td><td>")
          .append(escape(check.bound())).append("</td></tr>");
    }
    for (String skipped : blessing.skipped()) {
      page.append("<tr><td class='skip'>skipped</td><td colspan='6'>").append(escape(skipped)).append("</td></tr>");
    }
    page.append("</tbody></table>");
  }

  private static void slices(StringBuilder page, MetricsFile m) {
    List<String[]> columns = "regression".equals(m.task()) ? REGRESSION_COLUMNS : CLASSIFICATION_COLUMNS;
    page.append("<h2>Metrics per slice</h2><table id='slices'><thead><tr><th>Slice</th><th>Model</th>");
    columns.forEach(c -> page.append("<th class='n'>").append(c[1]).append("</th>"));
    page.append("</tr></thead>");
    for (SliceMetrics slice : m.candidate().slices()) {
      Map<String, Double> candidate = slice.metrics().byName();
      Map<String, Double> baseline =
          m.baseline() == null ? null : m.baseline().slice(slice.key()).map(s -> s.metrics().byName()).orElse(Map.of());
      page.append("<tbody class='slice' data-slice='").append(escape(slice.slice())).append("'>");
      page.append("<tr class='candidate'><td rowspan='").append(baseline == null ? 1 : 3).append("'>")
          .append(escape(slice.slice())).append("</td><td>candidate</td>");
      columns.forEach(c -> cell(page, c[0], candidate.get(c[0])));
      page.append("</tr>");
      if (baseline != null) {
        page.append("<tr class='baseline'><td>baseline</td>");
        columns.forEach(c -> cell(page, c[0], baseline.get(c[0])));
        page.append("</tr><tr class='change'><td>change</td>");
        columns.forEach(c -> change(page, c[0], candidate.get(c[0]), baseline.get(c[0])));
        page.append("</tr>");
      }
      page.append("</tbody>");
    }
    page.append("</table>");
  }

  private static void perClass(StringBuilder page, MetricsFile m) {
    page.append("<h2>Per class (overall)</h2><div class='matrices'>");
    perClassTable(page, "candidate", m.candidate());
    if (m.baseline() != null) {
      perClassTable(page, "baseline", m.baseline());
    }
    page.append("</div>");
  }

  private static void perClassTable(StringBuilder page, String role, ModelMetrics model) {
    ClassificationMetrics overall = model.slice(SliceKey.OVERALL).map(SliceMetrics::classification).orElse(null);
    if (overall == null) {
      return;
    }
    page.append("<table class='per-class' data-model='").append(role).append("'><caption>").append(role)
        .append("</caption><thead><tr><th>Class</th><th class='n'>Precision</th><th class='n'>Recall</th>")
        .append("<th class='n'>F1</th><th class='n'>Support</th><th class='n'>ROC AUC</th></tr></thead><tbody>");
    overall.perClass().forEach((name, c) -> classRow(page, name, c));
    page.append("</tbody></table>");
  }

  private static void classRow(StringBuilder page, String name, ClassMetrics c) {
    page.append("<tr><td>").append(escape(name)).append("</td><td class='n'>").append(number(c.precision()))
        .append("</td><td class='n'>").append(number(c.recall())).append("</td><td class='n'>").append(number(c.f1()))
        .append("</td><td class='n'>").append(c.support()).append("</td><td class='n'>").append(number(c.rocAuc()))
        .append("</td></tr>");
  }

  private static void confusion(StringBuilder page, MetricsFile m) {
    page.append("<h2>Confusion matrices</h2><p>Rows: the label; columns: the prediction.</p>");
    for (SliceMetrics slice : m.candidate().slices()) {
      page.append("<details").append(slice.key().isOverall() ? " open" : "").append("><summary>")
          .append(escape(slice.slice())).append(" (").append(slice.metrics().examples()).append(" examples)</summary>")
          .append("<div class='matrices'>");
      matrix(page, slice, "candidate");
      if (m.baseline() != null) {
        m.baseline().slice(slice.key()).ifPresent(b -> matrix(page, b, "baseline"));
      }
      page.append("</div></details>");
    }
  }

  private static void matrix(StringBuilder page, SliceMetrics slice, String role) {
    ClassificationMetrics c = slice.classification();
    TreeSet<String> classes = new TreeSet<>(c.classes());
    page.append("<table class='confusion' data-slice='").append(escape(slice.slice())).append("' data-model='")
        .append(role).append("'><caption>").append(role).append("</caption><thead><tr><th>label \\ predicted</th>");
    classes.forEach(name -> page.append("<th class='n'>").append(escape(name)).append("</th>"));
    page.append("</tr></thead><tbody>");
    for (String label : classes) {
      Map<String, Long> row = c.confusion().getOrDefault(label, Map.of());
      long total = row.values().stream().mapToLong(Long::longValue).sum();
      page.append("<tr><th>").append(escape(label)).append("</th>");
      for (String predicted : classes) {
        long count = row.getOrDefault(predicted, 0L);
        double share = total == 0 ? 0 : (double) count / total;
        String colour = label.equals(predicted) ? "26,127,55" : "207,34,46";
        page.append("<td class='n' data-count='").append(count).append("' style='background:rgba(").append(colour)
            .append(',').append(String.format(Locale.ROOT, "%.2f", share * 0.5)).append(")'>").append(count).append("</td>");
      }
      page.append("</tr>");
    }
    page.append("</tbody></table>");
  }

  private static void cell(StringBuilder page, String metric, Double value) {
    page.append("<td class='n' data-metric='").append(metric).append("'>").append(number(metric, value)).append("</td>");
  }

  /** The change from baseline to candidate, coloured by whether it is an improvement. */
  private static void change(StringBuilder page, String metric, Double candidate, Double baseline) {
    page.append("<td class='n");
    if (candidate == null || baseline == null || metric.equals("examples")) {
      page.append("' data-metric='").append(metric).append("'></td>");
      return;
    }
    double diff = candidate - baseline;
    boolean lowerIsBetter = Direction.defaultFor(metric) == Direction.LOWER_IS_BETTER;
    String tone = diff == 0 ? "" : (diff > 0) != lowerIsBetter ? " better" : " worse";
    page.append(tone).append("' data-metric='").append(metric).append("'>")
        .append(String.format(Locale.ROOT, "%+.4f", diff)).append("</td>");
  }

  private static String number(String metric, Double value) {
    if (value != null && metric.equals("examples")) {
      return String.valueOf(value.longValue());
    }
    return number(value);
  }

  /** Four decimals, the way every metric is shown; a dash when it could not be computed. */
  static String number(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
