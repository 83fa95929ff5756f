package io.tributary.jobs.options;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Help for a job, generated from its options interface so the text cannot drift from the code:
 * every option with its description, default, and whether it is required.
 */
public final class OptionsHelp {

  private OptionsHelp() {}

  public static void print(String command, String summary, Class<?> options, PrintStream out) {
    out.println("Usage: tributary " + command + " --name=value ...");
    out.println();
    out.println(summary);
    out.println();
    out.println("Options:");
    for (Method getter : getters(options)) {
      printOption(getter, out);
    }
    out.println();
    out.println("Runner options:");
    printOption(getter(TributaryOptions.class, "getProfile"), out);
    printOption(getter(TributaryOptions.class, "getShareEmbeddedFlinkCluster"), out);
    out.println("  Any Beam pipeline option passes through to the runner, e.g. --runner=FlinkRunner");
    out.println("  --flinkMaster=127.0.0.1:8081 --parallelism=4 --sparkMaster=local[4].");
  }

  /**
   * The options an interface declares (not those it inherits), by name, with their descriptions:
   * what a component built on the job accepts as parameters.
   */
  public static java.util.Map<String, String> describe(Class<?> options) {
    java.util.Map<String, String> described = new java.util.LinkedHashMap<>();
    for (Method getter : getters(options)) {
      Description description = getter.getAnnotation(Description.class);
      described.put(optionName(getter), description == null ? "" : description.value());
    }
    return described;
  }

  private static Method[] getters(Class<?> options) {
    return Arrays.stream(options.getDeclaredMethods())
        .filter(m -> m.getName().startsWith("get") || m.getName().startsWith("is"))
        .filter(m -> m.getParameterCount() == 0)
        .sorted(Comparator.comparing(Method::getName))
        .toArray(Method[]::new);
  }

  private static String optionName(Method getter) {
    String name = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Method getter(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printOption(Method getter, PrintStream out) {
    String name = optionName(getter);
    String type = getter.getReturnType().getSimpleName();
    StringBuilder line = new StringBuilder("  --" + name + "=<" + type + ">");
    if (getter.isAnnotationPresent(Validation.Required.class)) {
      line.append("  (required)");
    }
    String def = defaultOf(getter);
    if (def != null) {
      line.append("  (default: ").append(def).append(")");
    }
    out.println(line);
    Description description = getter.getAnnotation(Description.class);
    if (description != null) {
      for (String wrapped : wrap(description.value(), 72)) {
        out.println("      " + wrapped);
      }
    }
  }

  private static String defaultOf(Method getter) {
    if (getter.isAnnotationPresent(Default.String.class)) {
      String value = getter.getAnnotation(Default.String.class).value();
      return value.isEmpty() ? "\"\"" : value;
    }
    if (getter.isAnnotationPresent(Default.Long.class)) {
      return String.valueOf(getter.getAnnotation(Default.Long.class).value());
    }
    if (getter.isAnnotationPresent(Default.Integer.class)) {
      return String.valueOf(getter.getAnnotation(Default.Integer.class).value());
    }
    if (getter.isAnnotationPresent(Default.Boolean.class)) {
      return String.valueOf(getter.getAnnotation(Default.Boolean.class).value());
    }
    return null;
  }

  private static java.util.List<String> wrap(String text, int width) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
