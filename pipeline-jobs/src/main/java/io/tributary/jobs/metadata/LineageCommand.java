package io.tributary.jobs.metadata;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Node;
import io.tributary.metadata.NotFoundException;
import io.tributary.metadata.Query;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary metadata lineage}: what produced an artifact (upstream), what was made from it
 * (downstream), or both, within a number of hops.
 *
 * <pre>
 * tributary metadata lineage 42 --upstream --hops=4
 * tributary metadata lineage /pipelines/penguin/Trainer/model/17 --format=dot | dot -Tsvg &gt; l.svg
 * </pre>
 */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = "Show the lineage graph of an artifact (by id or uri) or, with --execution, an execution.")
final class LineageCommand extends StoreCommand {
  /** At most one of the two directions; neither means both. */
  static final class Direction {
    @Option(names = "--upstream", description = "Only what produced it.")
    boolean upstream;

    @Option(names = "--downstream", description = "Only what was made from it.")
    boolean downstream;
  }

  @Parameters(index = "0", paramLabel = "ARTIFACT", description = "Artifact id or uri (execution id with --execution).")
  String start;

  @Option(names = "--execution", description = "START is an execution id.")
  boolean execution;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Direction direction;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "12", description = "Events to follow (default: 12, enough to reach the raw data from a pushed model).")
  int hops;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      description = "text (default), json or dot.")
  Format format;

  @Override
  protected boolean readOnly() {
    return true;
  }

  @Override
  protected int run(MetadataStore store, PrintWriter out) {
    LineageDirection walk = direction == null ? LineageDirection.BOTH
        : direction.upstream ? LineageDirection.UPSTREAM : LineageDirection.DOWNSTREAM;
    LineageRenderer.render(store.lineage(resolve(store), walk, hops), format, out);
    return 0;
  }

  private Node resolve(MetadataStore store) {
    if (start.chars().allMatch(Character::isDigit) && !start.isEmpty()) {
      long id = Long.parseLong(start);
      return execution ? store.getExecution(id) : store.getArtifact(id);
    }
    if (execution) {
      throw new IllegalArgumentException("--execution takes an execution id, not '" + start + "'");
    }
    List<Artifact> atUri = store.findArtifacts(Query.all().withUri(start).limit(1));
    if (atUri.isEmpty()) {
      throw new NotFoundException("no artifact at uri " + start + ": see `tributary metadata artifacts`");
    }
    return atUri.get(0);
  }
}
