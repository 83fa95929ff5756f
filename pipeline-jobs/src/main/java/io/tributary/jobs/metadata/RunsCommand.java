package io.tributary.jobs.metadata;

import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.WellKnownTypes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tributary metadata runs}: pipeline runs, newest first, with their executions' outcome. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List pipeline runs, newest first.")
final class RunsCommand extends StoreCommand {
  @Mixin Filters filters;

  @Override
  protected boolean readOnly() {
    return true;
  }

  @Override
  protected int run(MetadataStore store, PrintWriter out) {
    if (filters.type != null || filters.state != null || filters.run != null) {
      throw new IllegalArgumentException("runs takes --pipeline, --property, --limit and --format only");
    }
    Query query = filters.withProperties(Query.all().withType(WellKnownTypes.PIPELINE_RUN).limit(filters.limit));
    if (filters.pipeline != null) {
      query = query.inContext(Filters.context(store, WellKnownTypes.PIPELINE, filters.pipeline).id());
    }
    List<Context> runs = store.findContexts(query);
    Table table = new Table("ID", "RUN", "PIPELINE", "CREATED", "EXECUTIONS", "FAILED", "ARTIFACTS");
    List<Map<String, Object>> json = new ArrayList<>();
    for (Context run : runs) {
      String pipeline = store.contextsOf(TypeKind.CONTEXT, run.id()).stream()
          .filter(c -> c.type().equals(WellKnownTypes.PIPELINE)).map(Context::name).findFirst().orElse(null);
      List<Execution> executions = store.findExecutions(Query.all().inContext(run.id()).limit(100_000));
      long failed = executions.stream().filter(e -> e.state() == ExecutionState.FAILED).count();
      int artifacts = store.findArtifacts(Query.all().inContext(run.id()).limit(100_000)).size();
      table.add(run.id(), run.name(), pipeline, Table.time(run.createTime()), executions.size(), failed, artifacts);
      Map<String, Object> row = JsonView.node(run);
      row.put("pipeline", pipeline);
      row.put("executions", executions.size());
      row.put("failedExecutions", failed);
      row.put("artifacts", artifacts);
      json.add(row);
    }
    if (filters.format() == Format.JSON) {
      out.println(JsonView.write(json));
    } else {
      table.print(out);
    }
    return 0;
  }
}
