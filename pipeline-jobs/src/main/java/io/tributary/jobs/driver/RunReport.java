package io.tributary.jobs.driver;

import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.PipelineDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code run.html}: one self-contained page per run (no scripts, no network) with the pipeline's
 * DAG drawn in SVG, each step's state and duration, and links to the reports its outputs hold.
 */
final class RunReport {

  private static final int BOX_WIDTH = 180;
  private static final int BOX_HEIGHT = 54;
  private static final int COLUMN = 230;
  private static final int ROW = 80;

  private RunReport() {}

  /** The HTML reports in a step's output folders ({@code statistics.html}, ...). */
  static List<Path> reportsOf(StepResult step) {
    List<Path> reports = new ArrayList<>();
    for (String uri : step.outputs().values()) {
      try (Stream<Path> files = Files.list(Path.of(uri))) {
        files.filter(f -> f.toString().endsWith(".html")).sorted().forEach(reports::add);
      } catch (IOException noFolder) {
        // A failed step has no outputs to link.
      }
    }
    return reports;
  }

  static Path write(Path file, PipelineDefinition pipeline, RunSummary summary) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, html(pipeline, summary), StandardCharsets.UTF_8);
    return file;
  }

  static String html(PipelineDefinition pipeline, RunSummary summary) {
    Map<String, int[]> position = layout(pipeline);
    Map<String, StepResult> steps = new HashMap<>();
    summary.steps().forEach(s -> steps.put(s.componentId(), s));
    int width = position.values().stream().mapToInt(p -> p[0]).max().orElse(0) + BOX_WIDTH + 20;
    int height = position.values().stream().mapToInt(p -> p[1]).max().orElse(0) + BOX_HEIGHT + 20;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
        .append("'><defs><marker id='arrow' markerWidth='10' markerHeight='8' refX='10' refY='4' orient='auto'>")
        .append("<path d='M0,0 L10,4 L0,8 z' fill='#666'/></marker></defs>");
    for (ComponentSpec spec : pipeline.components()) {
      int[] to = position.get(spec.id());
      for (String upstream : spec.upstreams()) {
        int[] from = position.get(upstream);
        svg.append(String.format("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#666' marker-end='url(#arrow)'/>",
            from[0] + BOX_WIDTH, from[1] + BOX_HEIGHT / 2, to[0], to[1] + BOX_HEIGHT / 2));
      }
    }
    for (ComponentSpec spec : pipeline.components()) {
      int[] at = position.get(spec.id());
      StepResult step = steps.get(spec.id());
      String state = step == null ? "NOT RUN" : step.state();
      svg.append(String.format("<g class='step' data-component='%s' data-state='%s'>", escape(spec.id()), state))
          .append(String.format("<rect x='%d' y='%d' width='%d' height='%d' rx='8' fill='%s' stroke='#333'/>",
              at[0], at[1], BOX_WIDTH, BOX_HEIGHT, colour(state)))
          .append(String.format("<text x='%d' y='%d' font-weight='bold'>%s</text>", at[0] + 10, at[1] + 22, escape(spec.id())))
          .append(String.format("<text x='%d' y='%d'>%s%s</text>", at[0] + 10, at[1] + 42, state,
              step == null ? "" : String.format(" · %.1f s", step.seconds())))
          .append("</g>");
    }
    svg.append("</svg>");

    StringBuilder rows = new StringBuilder();
    for (StepResult step : summary.steps()) {
      StringBuilder links = new StringBuilder();
      for (Path report : reportsOf(step)) {
        links.append("<a href='").append(escape(report.toUri().toString())).append("'>")
            .append(escape(report.getFileName().toString())).append("</a> ");
      }
      rows.append("<tr><td>").append(escape(step.componentId())).append("</td><td>").append(escape(step.type()))
          .append("</td><td class='").append(step.state()).append("'>").append(step.state()).append("</td><td>")
          .append(String.format("%.1f s", step.seconds())).append("</td><td>")
          .append(step.rows() == null ? "" : String.format("%,d", step.rows())).append("</td><td>")
          .append(step.executionId()).append("</td><td>").append(links)
          .append(step.error() == null ? "" : "<span class='error'>" + escape(step.error()) + "</span>")
          .append(step.skipReason() == null ? "" : "<span class='skipped'>" + escape(step.skipReason()) + "</span>")
          .append("</td></tr>\n");
    }
    return "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>" + escape(pipeline.name()) + " run "
        + escape(summary.runId()) + "</title><style>"
        + "body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-top:16px}"
        + "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}"
        + ".COMPLETE{color:#1a7f37}.CACHED{color:#0969da}.FAILED,.error{color:#cf222e}.SKIPPED,.skipped{color:#9a6700}"
        + "svg text{font-size:13px;font-family:sans-serif}</style></head><body>"
        + "<h1>" + escape(pipeline.name()) + "</h1><p>Run " + escape(summary.runId()) + ": "
        + (summary.succeeded() ? "finished" : "FAILED") + String.format(" in %.1f s", summary.seconds()) + "</p>"
        + svg
        + "<table><tr><th>Component</th><th>Type</th><th>State</th><th>Duration</th><th>Rows</th>"
        + "<th>Execution</th><th>Reports</th></tr>\n" + rows + "</table></body></html>\n";
  }

  /** Columns by depth in the DAG, rows in definition order within a column. */
  private static Map<String, int[]> layout(PipelineDefinition pipeline) {
    Map<String, Integer> depth = new HashMap<>();
    Map<Integer, Integer> used = new HashMap<>();
    Map<String, int[]> position = new HashMap<>();
    for (ComponentSpec spec : pipeline.components()) {
      int d = spec.upstreams().stream().mapToInt(u -> depth.get(u) + 1).max().orElse(0);
      depth.put(spec.id(), d);
      int row = used.merge(d, 1, Integer::sum) - 1;
      position.put(spec.id(), new int[] {10 + d * COLUMN, 10 + row * ROW});
    }
    return position;
  }

  private static String colour(String state) {
    switch (state) {
      case "COMPLETE":
        return "#dafbe1";
      case "CACHED":
        return "#ddf4ff";
      case "FAILED":
        return "#ffebe9";
      case StepResult.SKIPPED:
        return "#fff8c5";
      default:
        return "#f6f8fa";
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
  }
}
