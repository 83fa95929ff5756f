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
 *
 * <p>Each step's box is coloured by the state a person should see ({@link StepResult#shownState}):
 * COMPLETE green, CACHED blue, STOPPED orange (it ran, and its result stopped the run, e.g.
 * ExampleValidator finding anomalies at {@code failOn}), FAILED red, SKIPPED yellow, NOT RUN grey.
 * A stopped, failed or skipped box says why in its last lines, the whole reason in its tooltip.
 */
final class RunReport {

  private static final int BOX_WIDTH = 200;
  private static final int BOX_HEIGHT = 76;
  private static final int COLUMN = 250;
  private static final int ROW = 96;
  /** Characters of a reason that fit a line of the box at its font size. */
  private static final int REASON_LINE = 34;

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
      svg.append(box(spec.id(), position.get(spec.id()), steps.get(spec.id())));
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
          .append("</td><td class='").append(step.shownState()).append("'>").append(step.shownState()).append("</td><td>")
          .append(String.format("%.1f s", step.seconds())).append("</td><td>")
          .append(step.rows() == null ? "" : String.format("%,d", step.rows())).append("</td><td>")
          .append(step.executionId()).append("</td><td>").append(links)
          .append(step.error() == null ? "" : "<span class='" + (step.stopped() ? "stopped" : "error") + "'>"
              + escape(step.error()) + "</span>")
          .append(step.skipReason() == null ? "" : "<span class='skipped'>" + escape(step.skipReason()) + "</span>")
          .append("</td></tr>\n");
    }
    return "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>" + escape(pipeline.name()) + " run "
        + escape(summary.runId()) + "</title><style>"
        + "body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-top:16px}"
        + "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}"
        + ".COMPLETE{color:#1a7f37}.CACHED{color:#0969da}.FAILED,.error{color:#cf222e}.SKIPPED,.skipped{color:#9a6700}"
        + ".STOPPED,.stopped{color:#bc4c00;font-weight:bold}"
        + "svg text{font-size:13px;font-family:sans-serif}svg text.reason{font-size:11px}</style></head><body>"
        + "<h1>" + escape(pipeline.name()) + "</h1><p>Run " + escape(summary.runId()) + ": "
        + escape(summary.outcome()) + String.format(" in %.1f s", summary.seconds()) + "</p>"
        + svg
        + "<table><tr><th>Component</th><th>Type</th><th>State</th><th>Duration</th><th>Rows</th>"
        + "<th>Execution</th><th>Reports</th></tr>\n" + rows + "</table></body></html>\n";
  }

  /** A step's box: its id, its shown state and duration, and for a stop, failure or skip the reason. */
  private static String box(String componentId, int[] at, StepResult step) {
    String state = step == null ? "NOT RUN" : step.shownState();
    String reason = step == null ? null : step.reason();
    StringBuilder box = new StringBuilder()
        .append(String.format("<g class='step %s' data-component='%s' data-state='%s'>", state.replace(' ', '-'),
            escape(componentId), state))
        .append(reason == null ? "" : "<title>" + escape(state + ": " + reason) + "</title>")
        .append(String.format("<rect x='%d' y='%d' width='%d' height='%d' rx='8' fill='%s' stroke='%s'%s/>",
            at[0], at[1], BOX_WIDTH, BOX_HEIGHT, colour(state), StepResult.STOPPED.equals(state) ? "#bc4c00" : "#333",
            StepResult.STOPPED.equals(state) ? " stroke-width='2'" : ""))
        .append(String.format("<text x='%d' y='%d' font-weight='bold'>%s</text>", at[0] + 10, at[1] + 20,
            escape(componentId)))
        .append(String.format("<text class='state' x='%d' y='%d'>%s%s</text>", at[0] + 10, at[1] + 38, state,
            step == null ? "" : String.format(" · %.1f s", step.seconds())));
    if (reason != null) {
      String shown = reason.replaceFirst("; see /.*$", "");
      List<String> lines = wrap(shown, 2);
      for (int i = 0; i < lines.size(); i++) {
        box.append(String.format("<text class='reason' x='%d' y='%d'>%s</text>", at[0] + 10,
            at[1] + 54 + 13 * i, escape(lines.get(i))));
      }
    }
    return box.append("</g>").toString();
  }

  /**
   * {@code text} in at most {@code max} lines of {@link #REASON_LINE} characters, broken between
   * words where it can be; the last line ends with "…" when text is left over.
   */
  private static List<String> wrap(String text, int max) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty() && lines.size() < max) {
      int end = rest.length() <= REASON_LINE ? rest.length() : rest.lastIndexOf(' ', REASON_LINE);
      end = end <= 0 ? Math.min(REASON_LINE, rest.length()) : end;
      lines.add(rest.substring(0, end));
      rest = rest.substring(end).strip();
    }
    if (!rest.isEmpty()) {
      String last = lines.get(max - 1);
      lines.set(max - 1, (last.length() < REASON_LINE ? last : last.substring(0, REASON_LINE - 1)) + "…");
    }
    return lines;
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
      case StepResult.STOPPED:
        return "#ffd8b5";
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
