package io.tributary.transforms.statistics.report;

import io.tributary.transforms.statistics.BooleanStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.StringStatistics;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric and the categorical table: one {@code <tbody>} per feature (so that sorting moves a
 * feature's rows together), one row per split, the chart spanning the rows.
 */
final class FeatureTables {
  private static final int CHART_VALUES = 10;

  private final List<String> splits;
  /** Per feature name, its statistics in each split ({@code null} where a split lacks it). */
  private final Map<String, List<FeatureStatistics>> features;

  FeatureTables(List<String> splits, Map<String, List<FeatureStatistics>> features) {
    this.splits = splits;
    this.features = new LinkedHashMap<>(features);
  }

  String numeric() {
    StringBuilder html = new StringBuilder();
    header(
        html,
        "numeric",
        new String[][] {
          {"name", "Feature"}, {null, "Split"}, {"count", "Count"}, {"missing", "Missing"},
          {"mean", "Mean"}, {"std", "Std dev"}, {"zeros", "Zeros"}, {"min", "Min"},
          {"median", "Median"}, {"max", "Max"}, {"nonfinite", "NaN / ±∞"}, {null, "Histogram"}
        });
    features.forEach(
        (name, perSplit) -> {
          FeatureStatistics first = first(perSplit);
          if (!first.type().isNumeric()) {
            return;
          }
          NumericStatistics figures = first.numeric();
          html.append(
              body(
                  name,
                  first,
                  "mean", figures.mean(),
                  "std", figures.stdDev(),
                  "zeros", share(figures.numZeros(), first.count()),
                  "min", figures.min(),
                  "median", figures.median(),
                  "max", figures.max(),
                  "nonfinite", figures.numNaN() + figures.numPositiveInfinity()
                      + figures.numNegativeInfinity()));
          List<NumericStatistics> numerics = new ArrayList<>();
          perSplit.forEach(f -> numerics.add(f == null ? null : f.numeric()));
          String chart = Charts.histogram(numerics);
          for (int s = 0; s < splits.size(); s++) {
            FeatureStatistics feature = perSplit.get(s);
            if (openRow(html, first, s, feature, 9)) {
              NumericStatistics n = feature.numeric();
              cells(
                  html,
                  Html.number(feature.count()),
                  Html.percent(feature.numMissing(), feature.count()),
                  Html.number(n.mean()),
                  Html.number(n.stdDev()),
                  Html.percent(n.numZeros(), feature.count()),
                  Html.number(n.min()),
                  Html.number(n.median()),
                  Html.number(n.max()),
                  Html.number(n.numNaN()) + " / " + Html.number(n.numPositiveInfinity())
                      + " / " + Html.number(n.numNegativeInfinity()));
            }
            if (s == 0) {
              chartCell(html, chart);
            }
            html.append("</tr>\n");
          }
          html.append("</tbody>\n");
        });
    return html.append("</table>\n").toString();
  }

  String categorical() {
    StringBuilder html = new StringBuilder();
    header(
        html,
        "categorical",
        new String[][] {
          {"name", "Feature"}, {null, "Split"}, {"count", "Count"}, {"missing", "Missing"},
          {"unique", "Unique"}, {"top", "Top value"}, {"topshare", "Top share"},
          {"length", "Avg length"}, {null, "Counts"}, {null, "Top values"}
        });
    features.forEach(
        (name, perSplit) -> {
          FeatureStatistics first = first(perSplit);
          if (first.type().isNumeric()) {
            return;
          }
          Categories firstCategories = Categories.of(first);
          html.append(
              body(
                  name,
                  first,
                  "unique", firstCategories.unique,
                  "top", firstCategories.topValue(),
                  "topshare", share(firstCategories.topCount(), first.numNonMissing()),
                  "length", firstCategories.avgLength));
          List<List<ValueCount>> tops = new ArrayList<>();
          List<Double> present = new ArrayList<>();
          for (FeatureStatistics feature : perSplit) {
            tops.add(feature == null ? null : Categories.of(feature).top);
            present.add(feature == null ? 0.0 : feature.numNonMissing());
          }
          String chart = Charts.topValues(tops, present, CHART_VALUES);
          for (int s = 0; s < splits.size(); s++) {
            FeatureStatistics feature = perSplit.get(s);
            if (openRow(html, first, s, feature, 7)) {
              Categories categories = Categories.of(feature);
              cells(
                  html,
                  Html.number(feature.count()),
                  Html.percent(feature.numMissing(), feature.count()),
                  Html.number(categories.unique),
                  Html.label(categories.topValue()),
                  Html.percent(categories.topCount(), feature.numNonMissing()),
                  Html.number(categories.avgLength),
                  categories.exact ? "exact" : "estimated");
            }
            if (s == 0) {
              chartCell(html, chart);
            }
            html.append("</tr>\n");
          }
          html.append("</tbody>\n");
        });
    return html.append("</table>\n").toString();
  }

  private static FeatureStatistics first(List<FeatureStatistics> perSplit) {
    return perSplit.stream().filter(f -> f != null).findFirst().orElseThrow();
  }

  private static double share(double part, double whole) {
    return whole == 0 ? Double.NaN : part / whole;
  }

  private static void header(StringBuilder html, String kind, String[][] columns) {
    html.append("<table class=\"sortable ").append(kind).append("\"><thead><tr>");
    for (String[] column : columns) {
      if (column[0] == null) {
        html.append("<th>").append(column[1]).append("</th>");
      } else {
        html.append("<th data-key=\"")
            .append(column[0])
            .append("\" title=\"sort\">")
            .append(column[1])
            .append("</th>");
      }
    }
    html.append("</tr></thead>\n");
  }

  /** A feature's {@code <tbody>} with its sort keys: name, count, missing share and {@code keys}. */
  private static String body(String name, FeatureStatistics first, Object... keys) {
    StringBuilder html =
        new StringBuilder("<tbody data-name=\"")
            .append(Html.escape(name))
            .append("\" data-count=\"")
            .append(first.count())
            .append("\" data-missing=\"")
            .append(Html.sortKey(share(first.numMissing(), first.count())))
            .append('"');
    for (int i = 0; i < keys.length; i += 2) {
      Object value = keys[i + 1];
      String key =
          value instanceof Number ? Html.sortKey(((Number) value).doubleValue()) : (String) value;
      html.append(" data-").append(keys[i]).append("=\"").append(Html.escape(key)).append('"');
    }
    return html.append(">\n").toString();
  }

  /**
   * Starts a split's row: the feature's name (on the first split's row, spanning the others) and
   * the split. Returns false when the split lacks the feature, after filling its {@code figures}
   * cells with a note saying so.
   */
  private boolean openRow(StringBuilder html, FeatureStatistics first, int split, FeatureStatistics feature, int figures) {
    html.append("<tr>");
    if (split == 0) {
      nameCell(html, first);
    }
    splitCell(html, split);
    if (feature == null) {
      html.append("<td colspan=\"").append(figures).append("\" class=\"absent\">not in this split</td>");
      return false;
    }
    return true;
  }

  private void nameCell(StringBuilder html, FeatureStatistics first) {
    html.append("<th class=\"feature\" rowspan=\"")
        .append(splits.size())
        .append("\">")
        .append(Html.escape(first.name()))
        .append("<br><small>")
        .append(first.type())
        .append("</small></th>");
  }

  private void splitCell(StringBuilder html, int split) {
    html.append("<td class=\"split\"><span class=\"swatch\" style=\"background:")
        .append(Charts.color(split))
        .append("\"></span>")
        .append(Html.escape(splits.get(split)))
        .append("</td>");
  }

  private void chartCell(StringBuilder html, String chart) {
    html.append("<td class=\"chart\" rowspan=\"").append(splits.size()).append("\">");
    html.append(chart).append("</td>");
  }

  private static void cells(StringBuilder html, String... values) {
    for (String value : values) {
      html.append("<td>").append(value).append("</td>");
    }
  }

  /** The categorical view of a STRING, BOOLEAN or OTHER feature. */
  private static final class Categories {
    final List<ValueCount> top;
    final double unique;
    final double avgLength;
    final boolean exact;

    private Categories(List<ValueCount> top, double unique, double avgLength, boolean exact) {
      this.top = top;
      this.unique = unique;
      this.avgLength = avgLength;
      this.exact = exact;
    }

    static Categories of(FeatureStatistics feature) {
      if (feature.type() == FeatureType.STRING) {
        StringStatistics string = feature.string();
        return new Categories(
            string.topValues(), string.distinctCount(), string.avgLength(), string.isExact());
      }
      if (feature.type() == FeatureType.BOOLEAN) {
        BooleanStatistics bool = feature.bool();
        List<ValueCount> top = new ArrayList<>();
        boolean trueFirst = bool.numTrue() >= bool.numFalse();
        for (boolean value : trueFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
          long count = value ? bool.numTrue() : bool.numFalse();
          if (count > 0) {
            top.add(ValueCount.of(String.valueOf(value), count));
          }
        }
        return new Categories(top, top.size(), Double.NaN, true);
      }
      return new Categories(List.of(), Double.NaN, Double.NaN, true);
    }

    String topValue() {
      return top.isEmpty() ? "" : top.get(0).value();
    }

    double topCount() {
      return top.isEmpty() ? 0 : top.get(0).count();
    }
  }
}
