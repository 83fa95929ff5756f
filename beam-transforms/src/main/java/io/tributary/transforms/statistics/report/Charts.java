package io.tributary.transforms.statistics.report;

import io.tributary.transforms.statistics.HistogramBucket;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small inline charts (SVG histograms, HTML bars), one colour per split. */
final class Charts {
  private static final String[] COLORS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"
  };
  private static final int WIDTH = 240;
  private static final int HEIGHT = 64;

  private Charts() {}

  static String color(int split) {
    return COLORS[split % COLORS.length];
  }

  /**
   * The splits' equal-width histograms overlaid on a common axis. Heights are densities (share of
   * the split's values per unit of the axis), so splits of different sizes and ranges compare.
   */
  static String histogram(List<NumericStatistics> splits) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (NumericStatistics split : splits) {
      if (split != null && !split.histogram().isEmpty()) {
        low = Math.min(low, split.min());
        high = Math.max(high, split.max());
      }
    }
    if (low > high) {
      return "";
    }
    double range = high > low ? high - low : 1;
    double left = high > low ? low : low - 0.5;
    List<double[]> bars = new ArrayList<>();
    double tallest = 0;
    for (int s = 0; s < splits.size(); s++) {
      NumericStatistics split = splits.get(s);
      if (split == null) {
        continue;
      }
      double total = split.histogram().stream().mapToDouble(HistogramBucket::sampleCount).sum();
      for (HistogramBucket bucket : split.histogram()) {
        double width = Math.max(bucket.high() - bucket.low(), range / 100);
        double density = bucket.sampleCount() / total / (width / range);
        tallest = Math.max(tallest, density);
        bars.add(new double[] {s, bucket.low(), width, density, bucket.sampleCount()});
      }
    }
    StringBuilder svg = open(WIDTH, HEIGHT + 12);
    for (double[] bar : bars) {
      double x = (bar[1] - left) / range * WIDTH;
      double w = Math.max(1, bar[2] / range * WIDTH);
      double h = tallest == 0 ? 0 : bar[3] / tallest * HEIGHT;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                  + " fill-opacity=\"0.55\"><title>%s – %s: %s</title></rect>",
              x,
              HEIGHT - h,
              w,
              h,
              color((int) bar[0]),
              Html.number(bar[1]),
              Html.number(bar[1] + bar[2]),
              Html.number(bar[4])));
    }
    text(svg, 0, HEIGHT + 11, "start", Html.number(low));
    text(svg, WIDTH, HEIGHT + 11, "end", Html.number(high));
    return svg.append("</svg>").toString();
  }

  /**
   * Grouped horizontal bars: the share of each of the most frequent values (first split's order,
   * then others') among each split's present values. A grid of HTML, not SVG, so that each value's
   * label is shown whole ({@link Html#label}) and wraps, its row growing with it; each bar's tooltip
   * gives the count and share.
   */
  static String topValues(List<List<ValueCount>> splits, List<Double> present, int limit) {
    Set<String> values = new LinkedHashSet<>();
    for (List<ValueCount> split : splits) {
      if (split != null) {
        split.stream().limit(limit).forEach(value -> values.add(value.value()));
      }
    }
    List<String> shown = new ArrayList<>(values).subList(0, Math.min(limit, values.size()));
    if (shown.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<div class=\"top-values\">");
    for (String value : shown) {
      html.append(Html.label(value)).append("<div class=\"bars\">");
      for (int s = 0; s < splits.size(); s++) {
        double count = countOf(splits.get(s), value);
        double share = present.get(s) > 0 ? count / present.get(s) : 0;
        html.append(
            String.format(
                Locale.ROOT,
                "<div class=\"bar\" style=\"width:%.1fpx;background:%s\" title=\"%s: %s (%s)\"></div>",
                Math.max(share * WIDTH, count > 0 ? 1 : 0),
                color(s),
                Html.escape(Html.shorten(value, 80)),
                Html.number(count),
                Html.percent(count, present.get(s))));
      }
      html.append("</div>");
    }
    return html.append("</div>").toString();
  }

  private static double countOf(List<ValueCount> split, String value) {
    if (split != null) {
      for (ValueCount count : split) {
        if (count.value().equals(value)) {
          return count.count();
        }
      }
    }
    return 0;
  }

  private static StringBuilder open(int width, int height) {
    return new StringBuilder()
        .append("<svg width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\">");
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"9\">%s</text>",
            x,
            y,
            anchor,
            Html.escape(text)));
  }
}
