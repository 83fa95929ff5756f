package io.tributary.transforms.statistics.report;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.artifacts.WriteArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the statistics of one or more splits as one self-contained HTML page, in the manner of
 * Facets Overview: a numeric table (count, missing, mean, standard deviation, zeros, min, median,
 * max, NaN and infinities, histogram) and a categorical table (count, missing, unique values, top
 * value and its share, average length, whether the counts are exact, top-value bars) for string,
 * boolean and other columns. Each split is a row within each feature and a colour in its charts.
 * Clicking a column heading sorts the features by it; clicking again reverses the order.
 *
 * <pre>{@code
 * StatisticsReport.write(
 *     outputDir.resolve("statistics.html"),
 *     "penguins",
 *     List.of(StatisticsJson.read(train), StatisticsJson.read(eval)));
 * }</pre>
 *
 * <p>The page is offline by construction: styles, the sorting script and the SVG charts are inline;
 * nothing is fetched. It shows the overall statistics of each split, not its slices.
 */
public final class StatisticsReport {
  private static final String STYLE =
      "body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin:0.5em 0 2em}"
          + "th,td{padding:3px 8px;text-align:right;vertical-align:top}"
          + "thead th{background:#f0f0f0;position:sticky;top:0}"
          + "th[data-key]{cursor:pointer}th[data-key]:hover{text-decoration:underline}"
          + "th[data-dir=asc]:after{content:' ▲'}th[data-dir=desc]:after{content:' ▼'}"
          + "tbody{border-top:1px solid #ccc}th.feature{text-align:left}"
          + "td.split,td.chart{text-align:left}td.split{white-space:nowrap}td.absent{color:#999;text-align:center}"
          + ".swatch{display:inline-block;width:9px;height:9px;margin-right:5px;border-radius:2px}"
          + "small{color:#777;font-weight:normal}"
          // Category values are shown whole: long ones wrap, a huge one scrolls within its lines.
          + ".label{max-width:22em;max-height:5.6em;overflow-y:auto;overflow-wrap:anywhere;white-space:pre-wrap}"
          + ".label.empty{font-style:italic;color:#777}"
          + ".top-values{display:grid;grid-template-columns:minmax(6em,max-content) 240px;gap:3px 6px;"
          + "align-items:center;font-size:11px}.top-values .label{text-align:right;max-width:16em}"
          + ".bar{height:5px;margin:1px 0;border-radius:1px}";
  private static final String SCRIPT =
      "document.querySelectorAll('table.sortable th[data-key]').forEach(function(th){"
          + "th.addEventListener('click',function(){"
          + "var table=th.closest('table'),key=th.getAttribute('data-key');"
          + "var dir=th.getAttribute('data-dir')==='asc'?'desc':'asc';"
          + "table.querySelectorAll('th[data-dir]').forEach(function(o){o.removeAttribute('data-dir');});"
          + "th.setAttribute('data-dir',dir);"
          + "var bodies=Array.prototype.slice.call(table.tBodies);"
          + "bodies.sort(function(a,b){var x=a.getAttribute('data-'+key),y=b.getAttribute('data-'+key);"
          + "var nx=parseFloat(x),ny=parseFloat(y);"
          + "var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return dir==='asc'?c:-c;});"
          + "bodies.forEach(function(b){table.appendChild(b);});});});";

  private StatisticsReport() {}

  /**
   * The HTML page of the splits' statistics.
   *
   * @throws IllegalArgumentException if no statistics are given
   */
  public static String html(String title, List<DatasetStatistics> splits) {
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("StatisticsReport: pass the statistics of at least one split");
    }
    List<String> names = new ArrayList<>();
    Map<String, List<FeatureStatistics>> features = new LinkedHashMap<>();
    for (int s = 0; s < splits.size(); s++) {
      DatasetStatistics split = splits.get(s);
      names.add(split.split().isEmpty() ? "split " + (s + 1) : split.split());
      for (FeatureStatistics feature : split.overall().features()) {
        features
            .computeIfAbsent(
                feature.name(), name -> new ArrayList<>(Arrays.asList(new FeatureStatistics[splits.size()])))
            .set(s, feature);
      }
    }
    FeatureTables tables = new FeatureTables(names, features);
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n")
        .append(summary(names, splits))
        .append("<h2>Numeric features</h2>\n")
        .append(tables.numeric())
        .append("<h2>Categorical features</h2>\n")
        .append(tables.categorical())
        .append("<script>")
        .append(SCRIPT)
        .append("</script>\n</body></html>\n");
    return html.toString();
  }

  /**
   * Writes {@link #html} as UTF-8 to {@code file}, a path or a URI such as {@code
   * gs://bucket/run/statistics.html}, through Beam's file systems.
   */
  public static void write(String file, String title, List<DatasetStatistics> splits) throws IOException {
    ArtifactFiles.writeText(file, html(title, splits));
  }

  /** Writes {@link #html} to a local {@code file}; see {@link #write(String, String, List)}. */
  public static void write(Path file, String title, List<DatasetStatistics> splits) throws IOException {
    write(file.toAbsolutePath().toString(), title, splits);
  }

  /**
   * A transform that writes the page of all the statistics in its input (one per split, in the
   * order of their split names) to {@code file} through Beam's file systems, on a worker.
   *
   * <pre>{@code
   * PCollectionList.of(trainStatistics).and(evalStatistics)
   *     .apply(Flatten.pCollections())
   *     .apply(StatisticsReport.writeTo(root + "/statistics.html", "penguins"));
   * }</pre>
   */
  public static WriteArtifact<DatasetStatistics> writeTo(String file, String title) {
    if (title == null) {
      throw new IllegalArgumentException("StatisticsReport.writeTo(" + file + ", null): give the page a title");
    }
    return WriteArtifact.all("StatisticsReport.writeTo", file, splits -> {
      List<DatasetStatistics> ordered = new ArrayList<>(splits);
      ordered.sort(Comparator.comparing(DatasetStatistics::split));
      return html(title, ordered);
    });
  }

  private static String summary(List<String> names, List<DatasetStatistics> splits) {
    StringBuilder html =
        new StringBuilder(
            "<table class=\"summary\"><thead><tr><th>Split</th><th>Dataset</th><th>Rows</th>"
                + "<th>Weighted rows</th><th>Features</th></tr></thead><tbody>\n");
    for (int s = 0; s < splits.size(); s++) {
      DatasetStatistics split = splits.get(s);
      html.append("<tr><td class=\"split\"><span class=\"swatch\" style=\"background:")
          .append(Charts.color(s))
          .append("\"></span>")
          .append(Html.escape(names.get(s)))
          .append("</td><td>")
          .append(Html.escape(split.name()))
          .append("</td><td>")
          .append(Html.number(split.rowCount()))
          .append("</td><td>")
          .append(Html.number(split.overall().weightedRowCount()))
          .append("</td><td>")
          .append(split.overall().features().size())
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }
}
