package io.tributary.jobs.metadata;

import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NotFoundException;
import io.tributary.metadata.Query;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The filters shared by {@code runs}, {@code executions} and {@code artifacts}. */
final class Filters {
  @Option(names = "--pipeline", paramLabel = "NAME", description = "Only this pipeline.")
  String pipeline;

  @Option(names = "--run", paramLabel = "NAME", description = "Only this pipeline run.")
  String run;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only this type, e.g. Model or Trainer.")
  String type;

  @Option(names = "--state", paramLabel = "STATE", description = "Only this state, e.g. LIVE or FAILED.")
  String state;

  @Option(
      names = "--property",
      paramLabel = "KEY[:TYPE]=VALUE",
      description = "Only nodes whose property equals VALUE; TYPE is string (default), int, double or json."
          + " Repeatable.")
  List<String> properties = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N rows (default: 50).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      description = "text (default) or json.")
  Format format;

  /** The query these filters describe; {@code artifacts} picks which state enum applies. */
  Query toQuery(MetadataStore store, boolean artifacts) {
    Query query = Query.all().limit(limit);
    if (type != null) {
      query = query.withType(type);
    }
    if (state != null) {
      String upper = state.toUpperCase(Locale.ROOT);
      query = artifacts ? query.withState(parse(ArtifactState.class, upper)) : query.withState(parse(ExecutionState.class, upper));
    }
    if (run != null) {
      query = query.inContext(context(store, WellKnownTypes.PIPELINE_RUN, run).id());
    } else if (pipeline != null) {
      query = query.inContext(context(store, WellKnownTypes.PIPELINE, pipeline).id());
    }
    return withProperties(query);
  }

  /** {@code query} narrowed by every {@code --property}. */
  Query withProperties(Query query) {
    for (String p : properties) {
      query = withProperty(query, p);
    }
    return query;
  }

  /** The output format; listings are tables or JSON, only lineage is drawn as DOT. */
  Format format() {
    if (format == Format.DOT) {
      throw new IllegalArgumentException("--format=dot draws lineage only: use text or json here");
    }
    return format;
  }

  static Context context(MetadataStore store, String type, String name) {
    return store.findContext(type, name).orElseThrow(
        () -> new NotFoundException("no " + type + " named '" + name + "': see `tributary metadata runs`"));
  }

  private static Query withProperty(Query query, String spec) {
    int eq = spec.indexOf('=');
    if (eq < 1) {
      throw new IllegalArgumentException("--property " + spec + ": write KEY=VALUE or KEY:int=VALUE");
    }
    String key = spec.substring(0, eq);
    String raw = spec.substring(eq + 1);
    String kind = "string";
    int colon = key.indexOf(':');
    if (colon > 0) {
      kind = key.substring(colon + 1).toLowerCase(Locale.ROOT);
      key = key.substring(0, colon);
    }
    try {
      Value value = switch (kind) {
        case "string" -> Value.of(raw);
        case "int" -> Value.of(Long.parseLong(raw));
        case "double" -> Value.of(Double.parseDouble(raw));
        case "json" -> Value.json(raw);
        default -> throw new IllegalArgumentException(
            "--property " + spec + ": type must be string, int, double or json, not " + kind);
      };
      return query.withProperty(key, value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--property " + spec + ": '" + raw + "' is not a " + kind);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> states, String value) {
    try {
      return Enum.valueOf(states, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown state " + value + ": use one of "
          + java.util.Arrays.toString(states.getEnumConstants()));
    }
  }
}
