package io.tributary.samples.bench;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.LineageGraph;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Publication;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.WellKnownTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Fills a metadata store with executions in chains and measures write throughput and lineage
 * query latency, on SQLite and (when given a url) PostgreSQL.
 *
 * <p>Each chain is {@code chainLength} Trainer-like executions; each execution reads the main
 * output of the one before it and writes two artifacts (a main output and a side output), and is
 * published with {@link MetadataStore#publishExecution} in its own transaction, as the driver
 * does. The defaults, 50,000 executions in 1,000 chains of 50, give 100,000 artifacts. Then it
 * times {@code queries} upstream 5-hop lineage queries from artifacts deep in random chains
 * (seeded, so every run asks the same questions) and prints the median and 95th percentile.
 *
 * <pre>
 * mvn -B -q -pl samples -am compile exec:java \
 *     -Dexec.mainClass=io.tributary.samples.bench.MetadataStoreBenchmark \
 *     -Dexec.args="--pg-url=$TRIBUTARY_TEST_PG_URL"
 * </pre>
 *
 * <p>Options ({@code --name=value}): {@code executions} (50000), {@code chain-length} (50),
 * {@code queries} (200), {@code hops} (5), {@code dir} (a temporary folder for the SQLite file),
 * {@code pg-url} (no PostgreSQL run without it; a schema of its own is created and dropped),
 * {@code backends} ({@code sqlite,postgres}).
 */
public final class MetadataStoreBenchmark {
  private static final long SEED = 20261122L;

  private final int executions;
  private final int chainLength;
  private final int queries;
  private final int hops;

  private MetadataStoreBenchmark(Map<String, String> options) {
    this.executions = Integer.parseInt(options.getOrDefault("executions", "50000"));
    this.chainLength = Integer.parseInt(options.getOrDefault("chain-length", "50"));
    this.queries = Integer.parseInt(options.getOrDefault("queries", "200"));
    this.hops = Integer.parseInt(options.getOrDefault("hops", "5"));
    if (executions % chainLength != 0 || chainLength <= hops) {
      throw new IllegalArgumentException(
          "--executions must be a multiple of --chain-length, and chains longer than --hops");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    MetadataStoreBenchmark bench = new MetadataStoreBenchmark(options);
    List<String> backends = List.of(options.getOrDefault("backends", "sqlite,postgres").split(","));
    if (backends.contains("sqlite")) {
      Path dir = options.containsKey("dir")
          ? Files.createDirectories(Path.of(options.get("dir")))
          : Files.createTempDirectory("tributary-bench");
      StoreConfig config = StoreConfig.inHome(dir);
      Files.deleteIfExists(config.sqliteFile());
      bench.run("SQLite (" + config.sqliteFile() + ")", config);
    }
    if (backends.contains("postgres")) {
      String url = options.get("pg-url");
      if (url == null || url.isBlank()) {
        System.out.println("PostgreSQL: skipped, no --pg-url (see metadata/README.md)");
      } else {
        StoreConfig config = StoreConfig.url(url).withSchema("bench_" + System.currentTimeMillis());
        try {
          bench.run("PostgreSQL (" + config.location() + ")", config);
        } finally {
          try (Connection c = DriverManager.getConnection(url);
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
          }
        }
      }
    }
  }

  private void run(String label, StoreConfig config) {
    System.out.println(label);
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      store.registerType(NodeType.execution("Trainer"));
      Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "bench");
      int chains = executions / chainLength;
      long[][] mainOutputs = new long[chains][chainLength];

      long start = System.nanoTime();
      for (int chain = 0; chain < chains; chain++) {
        Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "chain-" + chain);
        Artifact previous = null;
        for (int step = 0; step < chainLength; step++) {
          String uri = "/bench/chain-" + chain + "/step-" + step;
          List<ArtifactAndEvent> io = new ArrayList<>(3);
          if (previous != null) {
            io.add(ArtifactAndEvent.input(previous, "examples"));
          }
          io.add(ArtifactAndEvent.output(
              Artifact.of(WellKnownTypes.MODEL, uri + "/model").withState(ArtifactState.LIVE), "model"));
          io.add(ArtifactAndEvent.output(
              Artifact.of(WellKnownTypes.MODEL_EVALUATION, uri + "/eval").withState(ArtifactState.LIVE), "eval"));
          Publication p = store.publishExecution(
              Execution.of("Trainer").withState(ExecutionState.COMPLETE).withCacheKey(uri),
              io, List.of(pipeline, run));
          previous = p.artifacts().get(p.artifacts().size() - 2);
          mainOutputs[chain][step] = previous.id();
        }
        if ((chain + 1) % Math.max(1, chains / 10) == 0) {
          System.out.printf("  %d / %d executions%n", (chain + 1) * chainLength, executions);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int artifacts = 2 * executions;
      System.out.printf("  wrote %d executions and %d artifacts in %.1f s: %.0f inserts/s"
              + " (%.0f publishExecution transactions/s)%n",
          executions, artifacts, seconds, (executions + artifacts) / seconds, executions / seconds);

      SplittableRandom random = new SplittableRandom(SEED);
      double[] millis = new double[queries];
      int warmUp = Math.min(20, queries);
      int nodes = 0;
      for (int i = -warmUp; i < queries; i++) {
        long id = mainOutputs[random.nextInt(chains)][hops + random.nextInt(chainLength - hops)];
        Artifact target = store.getArtifact(id);
        long t0 = System.nanoTime();
        LineageGraph g = store.lineage(target, LineageDirection.UPSTREAM, hops);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (i >= 0) {
          millis[i] = ms;
          nodes = g.artifacts().size() + g.executions().size();
        }
      }
      Arrays.sort(millis);
      System.out.printf("  %d-hop upstream lineage (%d nodes each): median %.2f ms, p95 %.2f ms over %d queries%n",
          hops, nodes, millis[queries / 2], millis[(int) Math.min(queries - 1, Math.round(queries * 0.95))], queries);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return options;
  }
}
