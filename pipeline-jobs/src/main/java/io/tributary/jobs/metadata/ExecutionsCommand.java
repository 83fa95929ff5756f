package io.tributary.jobs.metadata;

import io.tributary.metadata.Execution;
import io.tributary.metadata.MetadataStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tributary metadata executions}: component executions, newest first. */
@Command(
    name = "executions",
    mixinStandardHelpOptions = true,
    description = "List executions, newest first, e.g. --run=<run> --state=FAILED.")
final class ExecutionsCommand extends StoreCommand {
  @Mixin Filters filters;

  @Override
  protected boolean readOnly() {
    return true;
  }

  @Override
  protected int run(MetadataStore store, PrintWriter out) {
    List<Execution> executions = store.findExecutions(filters.toQuery(store, false));
    if (filters.format() == Format.JSON) {
      out.println(JsonView.write(executions.stream().map(JsonView::node).toList()));
      return 0;
    }
    Table table = new Table("ID", "TYPE", "STATE", "NAME", "CREATED", "UPDATED", "CACHE_KEY");
    for (Execution e : executions) {
      String key = e.cacheKey();
      table.add(e.id(), e.type(), e.state(), e.name(), Table.time(e.createTime()), Table.time(e.updateTime()),
          key == null || key.length() <= 16 ? key : key.substring(0, 16) + "...");
    }
    table.print(out);
    return 0;
  }
}
