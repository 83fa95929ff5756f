package io.tributary.samples.bench;

import io.tributary.samples.synthetic.GenerateSyntheticData;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast StatisticsGen's transform runs, against a hand-written single-threaded loop over the
 * same Avro files with the same accumulators ({@link HandLoopStatistics}), and whether its memory
 * stays flat as the input grows.
 *
 * <p>For each size it makes (once, with the seeded synthetic generator) an Avro split of that many
 * rows, then runs each mode in a fresh JVM ({@link StatisticsRun}): {@code hand} the loop, {@code
 * direct} the DirectRunner and {@code flink-local} embedded Flink at parallelism 2, both as the
 * runner profiles of {@code runners-config} set them. It prints rows per second (wall clock of the
 * computation, runner start-up included), the ratio to the hand loop, and the heap peaks of {@link
 * HeapSampler}, then checks the targets: Flink at least 1.3x the loop, the DirectRunner at least
 * 0.6x, and no mode's live-heap peak at the largest size above 1.3x its peak at the smallest.
 *
 * <pre>
 * mvn -B -q -pl samples -am process-classes -Pstatistics-bench            # 1M and 5M rows
 * mvn -B -q -pl samples -am process-classes -Pstatistics-bench -Dbench.args="--sizes=200000 --jfr"
 * </pre>
 *
 * <p>It is a program, not a test: it never fails a build for being slow. With {@code --jfr} each
 * run also writes a Flight Recording beside the data, to see where the time goes.
 */
@Command(name = "statistics-bench", mixinStandardHelpOptions = true, sortOptions = false)
public final class StatisticsBenchmark implements Callable<Integer> {
  static final String HAND_LOOP = "hand";

  @Option(names = "--sizes", split = ",", description = "Row counts; the first is the throughput size (default: ${DEFAULT-VALUE}).")
  List<Long> sizes = List.of(1_000_000L, 5_000_000L);

  @Option(names = "--modes", split = ",", description = "hand, or a runner profile: direct, flink-local or a .properties file (default: ${DEFAULT-VALUE}).")
  List<String> modes = List.of(HAND_LOOP, "direct", "flink-local");

  @Option(names = "--large-modes", split = ",", description = "The modes also run at the sizes after the first (default: all of --modes).")
  List<String> largeModes;

  @Option(names = "--data", description = "Folder of the generated data sets, kept for later runs (default: ${DEFAULT-VALUE}).")
  Path data = Path.of(System.getProperty("java.io.tmpdir"), "tributary-statistics-bench");

  @Option(names = "--xmx", description = "Maximum heap of each run's JVM, generous so that the peak is the computation's own (default: ${DEFAULT-VALUE}).")
  String xmx = "6g";

  @Option(names = "--jfr", description = "Record each run with Java Flight Recorder into --data.")
  boolean jfr;

  /** {@code cpuSeconds}: the whole process's, GC and JIT threads included. */
  private record Measurement(long rows, double seconds, double cpuSeconds, long peakUsed, long peakAfterGc) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new StatisticsBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Measurement> results = new HashMap<>();
    for (long size : sizes) {
      Path split = dataSet(size);
      boolean first = size == sizes.get(0);
      for (String mode : first || largeModes == null ? modes : largeModes) {
        Measurement measurement = measure(mode, size, split);
        results.put(key(mode, size), measurement);
        System.out.printf(
            Locale.ROOT,
            "%-16s %,11d rows  %8.2f s (CPU %7.2f s)  %,10.0f rows/s  heap peak %,6d MB, live %,6d MB%n",
            label(mode), measurement.rows, measurement.seconds, measurement.cpuSeconds, measurement.rowsPerSecond(),
            measurement.peakUsed >> 20, measurement.peakAfterGc >> 20);
      }
    }
    report(results);
    return 0;
  }

  /** The split folder of {@code size} synthetic rows, generated on first use. */
  private Path dataSet(long size) {
    Path examples = data.resolve("rows-" + size);
    Path split = examples.resolve("Split-train");
    if (!Files.isDirectory(split)) {
      System.out.printf(Locale.ROOT, "generating %,d rows in %s%n", size, examples);
      int exit =
          new CommandLine(new GenerateSyntheticData())
              .execute("--rows=" + size, "--format=avro", "--output=" + examples);
      if (exit != 0) {
        throw new IllegalStateException("the generator failed (exit " + exit + ")");
      }
    }
    return split;
  }

  private Measurement measure(String mode, long size, Path split) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + xmx);
    // Flink and Beam need this JVM's --add-opens on Java 17.
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens") || flag.startsWith("--add-exports")) {
        command.add(flag);
      }
    }
    if (jfr) {
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + data.resolve(key(mode, size) + ".jfr"));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StatisticsRun.class.getName(), mode, split.toString()));
    Path log = data.resolve(key(mode, size) + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    int exit = process.waitFor();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith(StatisticsRun.PREFIX)) {
        Map<String, String> figures = new HashMap<>();
        for (String pair : line.substring(StatisticsRun.PREFIX.length()).strip().split(" ")) {
          figures.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Measurement measurement =
            new Measurement(
                Long.parseLong(figures.get("rows")),
                Double.parseDouble(figures.get("seconds")),
                Double.parseDouble(figures.get("cpuSeconds")),
                Long.parseLong(figures.get("peakUsed")),
                Long.parseLong(figures.get("peakAfterGc")));
        if (measurement.rows != size) {
          throw new IllegalStateException(mode + " counted " + measurement.rows + " rows of " + size + "; see " + log);
        }
        return measurement;
      }
    }
    throw new IllegalStateException(mode + " on " + size + " rows failed (exit " + exit + "); see " + log);
  }

  private void report(Map<String, Measurement> results) {
    long throughputSize = sizes.get(0);
    Measurement hand = results.get(key(HAND_LOOP, throughputSize));
    System.out.printf(Locale.ROOT, "%nAt %,d rows:%n", throughputSize);
    for (String mode : modes) {
      Measurement measurement = results.get(key(mode, throughputSize));
      String ratio = hand == null ? "" : String.format(Locale.ROOT, "%.2fx the hand loop", measurement.rowsPerSecond() / hand.rowsPerSecond());
      System.out.printf(Locale.ROOT, "  %-16s %,10.0f rows/s  %s%s%n", label(mode), measurement.rowsPerSecond(), ratio, target(mode, measurement, hand));
    }
    TreeSet<Long> ordered = new TreeSet<>(sizes);
    if (ordered.size() > 1) {
      long small = ordered.first();
      long large = ordered.last();
      System.out.printf(Locale.ROOT, "Heap at %,d rows against %,d rows (target: live peak <= 1.3x):%n", large, small);
      for (String mode : modes) {
        Measurement a = results.get(key(mode, small));
        Measurement b = results.get(key(mode, large));
        if (a == null || b == null) {
          continue;
        }
        double live = (double) b.peakAfterGc / a.peakAfterGc;
        System.out.printf(
            Locale.ROOT,
            "  %-16s live %,d -> %,d MB (%.2fx)%s; peak in use %,d -> %,d MB (%.2fx)%n",
            label(mode), a.peakAfterGc >> 20, b.peakAfterGc >> 20, live, live <= 1.3 ? "" : " MISSED",
            a.peakUsed >> 20, b.peakUsed >> 20, (double) b.peakUsed / a.peakUsed);
      }
    }
  }

  private static String target(String mode, Measurement measurement, Measurement hand) {
    double wanted = mode.equals("flink-local") ? 1.3 : mode.equals("direct") ? 0.6 : 0;
    if (hand == null || wanted == 0) {
      return "";
    }
    boolean met = measurement.rowsPerSecond() / hand.rowsPerSecond() >= wanted;
    return String.format(Locale.ROOT, " (target >= %.1fx: %s)", wanted, met ? "met" : "MISSED");
  }

  private static String key(String mode, long size) {
    return label(mode) + "-" + size;
  }

  /** A mode's short name: a profile file is named by its file name without the extension. */
  private static String label(String mode) {
    String name = Path.of(mode).getFileName().toString();
    return name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
  }
}
