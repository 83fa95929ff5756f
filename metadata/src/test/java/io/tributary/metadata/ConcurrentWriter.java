package io.tributary.metadata;

import io.tributary.metadata.jdbc.JdbcMetadataStore;
import java.util.List;

/**
 * A separate JVM that hammers a store: registers the types, then publishes {@code count}
 * executions with two outputs each into a shared pipeline context, optionally as the driver does
 * it: each recorded RUNNING first, then published after a pause standing for the component. Used by {@link
 * ConcurrentWritersTest}; exits 0 only if every write succeeded, and prints how long its writes
 * held the write lock.
 *
 * <p>Arguments: {@code <jdbc-url> <schema or "-"> <writer-name> <count> [<component-ms>]}.
 */
public final class ConcurrentWriter {
  private ConcurrentWriter() {}

  public static void main(String[] args) {
    StoreConfig config = StoreConfig.url(args[0]);
    if (!args[1].equals("-")) {
      config = config.withSchema(args[1]);
    }
    String writer = args[2];
    int count = Integer.parseInt(args[3]);
    long componentMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      store.registerType(NodeType.execution("Trainer").withProperty("epochs", PropertyType.INT));
      for (int i = 0; i < count; i++) {
        Execution execution = Execution.of("Trainer").withCacheKey(writer + "-" + i);
        if (componentMillis > 0) {
          // As the driver does: record it RUNNING, let the component work, then publish.
          execution = store.putExecution(execution.withState(ExecutionState.RUNNING));
          Thread.sleep(componentMillis);
        }
        store.publishExecution(
            execution.withState(ExecutionState.COMPLETE),
            List.of(
                ArtifactAndEvent.output(
                    Artifact.of(WellKnownTypes.MODEL, "/" + writer + "/model/" + i).withState(ArtifactState.LIVE),
                    "model"),
                ArtifactAndEvent.output(
                    Artifact.of(WellKnownTypes.MODEL_EVALUATION, "/" + writer + "/eval/" + i), "evaluation")),
            List.of(Context.of(WellKnownTypes.PIPELINE, "shared"),
                Context.of(WellKnownTypes.PIPELINE_RUN, writer + "-run")));
      }
      System.out.println(writer + ": " + ((JdbcMetadataStore) store).writeLockTime());
    } catch (RuntimeException | InterruptedException e) {
      System.err.println(writer + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
