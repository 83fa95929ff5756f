package io.tributary.jobs.metadata;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.Execution;
import io.tributary.metadata.LineageGraph;
import io.tributary.metadata.Node;
import io.tributary.metadata.TypeKind;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a {@link LineageGraph} as tables, as JSON, or as a Graphviz DOT digraph in which data
 * flows along the arrows (artifact to the execution that read it, execution to what it wrote).
 */
final class LineageRenderer {
  private LineageRenderer() {}

  static void render(LineageGraph graph, Format format, PrintWriter out) {
    switch (format) {
      case TEXT -> text(graph, out);
      case JSON -> out.println(JsonView.write(json(graph)));
      case DOT -> dot(graph, out);
    }
  }

  private static void text(LineageGraph g, PrintWriter out) {
    out.println("Lineage of " + label(g.start()) + " (" + g.direction().name().toLowerCase(java.util.Locale.ROOT)
        + ", " + g.hops() + " hops): " + g.artifacts().size() + " artifacts, " + g.executions().size()
        + " executions");
    out.println();
    Table executions = new Table("EXECUTION", "TYPE", "STATE", "CREATED");
    for (Execution e : g.executions()) {
      executions.add(e.id(), e.type(), e.state(), Table.time(e.createTime()));
    }
    executions.print(out);
    out.println();
    Table artifacts = new Table("ARTIFACT", "TYPE", "STATE", "URI");
    for (Artifact a : g.artifacts()) {
      artifacts.add(a.id(), a.type(), a.state(), a.uri());
    }
    artifacts.print(out);
    out.println();
    Table events = new Table("FROM", "TO", "PATH");
    for (Event e : g.events()) {
      boolean input = e.type() == EventType.INPUT;
      String artifact = "artifact " + e.artifactId();
      String execution = "execution " + e.executionId();
      events.add(input ? artifact : execution, input ? execution : artifact, String.join("/", e.path()));
    }
    events.print(out);
  }

  private static Map<String, Object> json(LineageGraph g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("start", JsonView.node(g.start()));
    out.put("direction", g.direction().name());
    out.put("hops", g.hops());
    out.put("artifacts", g.artifacts().stream().map(JsonView::node).toList());
    out.put("executions", g.executions().stream().map(JsonView::node).toList());
    out.put("events", g.events().stream().map(JsonView::event).toList());
    return out;
  }

  private static void dot(LineageGraph g, PrintWriter out) {
    out.println("digraph lineage {");
    out.println("  rankdir=LR;");
    out.println("  node [fontname=\"Helvetica\", fontsize=10];");
    for (Artifact a : g.artifacts()) {
      out.println("  " + id(a) + " [shape=ellipse, label=\"" + escape(a.type() + " #" + a.id() + "\n" + tail(a.uri())
          + "\n" + a.state()) + "\"" + highlight(g, a) + "];");
    }
    for (Execution e : g.executions()) {
      out.println("  " + id(e) + " [shape=box, style=filled, fillcolor=\"#e8eef7\", label=\""
          + escape(e.type() + " #" + e.id() + "\n" + e.state()) + "\"" + highlight(g, e) + "];");
    }
    for (Event e : g.events()) {
      String artifact = "a" + e.artifactId();
      String execution = "e" + e.executionId();
      String path = escape(String.join("/", e.path()));
      out.println(e.type() == EventType.INPUT
          ? "  " + artifact + " -> " + execution + " [label=\"" + path + "\"];"
          : "  " + execution + " -> " + artifact + " [label=\"" + path + "\"];");
    }
    out.println("}");
  }

  private static String id(Node node) {
    return (node.kind() == TypeKind.ARTIFACT ? "a" : "e") + node.id();
  }

  private static String highlight(LineageGraph g, Node node) {
    return node.kind() == g.start().kind() && node.id() == g.start().id() ? ", penwidth=3, color=\"#c0392b\"" : "";
  }

  private static String label(Node node) {
    return node.kind().label() + " " + node.id() + " (" + node.type() + ")";
  }

  /** The last two path segments: enough to recognise an artifact without a huge label. */
  private static String tail(String uri) {
    String[] parts = uri.split("/");
    return parts.length <= 2 ? uri : ".../" + parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  /** DOT string escaping: quotes and backslashes escaped, newlines as centred line breaks. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
