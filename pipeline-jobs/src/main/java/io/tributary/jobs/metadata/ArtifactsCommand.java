package io.tributary.jobs.metadata;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary metadata artifacts}: artifacts, newest first. */
@Command(
    name = "artifacts",
    mixinStandardHelpOptions = true,
    description = "List artifacts, newest first, e.g. --type=Model --state=LIVE --pipeline=penguin.")
final class ArtifactsCommand extends StoreCommand {
  @Mixin Filters filters;

  @Option(names = "--uri", paramLabel = "URI", description = "Only artifacts at exactly this uri.")
  String uri;

  @Override
  protected boolean readOnly() {
    return true;
  }

  @Override
  protected int run(MetadataStore store, PrintWriter out) {
    Query query = filters.toQuery(store, true);
    List<Artifact> artifacts = store.findArtifacts(uri == null ? query : query.withUri(uri));
    if (filters.format() == Format.JSON) {
      out.println(JsonView.write(artifacts.stream().map(JsonView::node).toList()));
      return 0;
    }
    Table table = new Table("ID", "TYPE", "STATE", "CREATED", "URI");
    for (Artifact a : artifacts) {
      table.add(a.id(), a.type(), a.state(), Table.time(a.createTime()), a.uri());
    }
    table.print(out);
    return 0;
  }
}
