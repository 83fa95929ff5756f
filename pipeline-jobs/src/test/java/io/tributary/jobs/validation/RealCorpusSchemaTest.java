package io.tributary.jobs.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real corpus ({@code ../shared/data}, untidied public files) through the real jobs: ExampleGen
 * (2:1 hash split), StatisticsGen, SchemaGen (learning from train, checked on eval) and validation
 * of every split give <b>no ERROR</b> on the clean file; a copy with one corruption per column is
 * reported in the right column: numbers turned to text in 5% of the rows, a dropped column, 5% of
 * a column ten times past its range, unseen categories in 5% of the rows, and a column shifted by
 * one standard deviation (out of range, or drift against the clean statistics).
 */
class RealCorpusSchemaTest {
  private static final Path DATA = Path.of("../../shared/data").toAbsolutePath().normalize();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"real/seattle-weather.csv", "real/weather.csv", "real/birdstrikes.csv", "real/airports.csv",
      "real/zipcodes.csv", "penguins.csv"})
  void cleanDataRaisesNoErrorAndEveryCorruptionIsReportedInItsColumn(String file) throws IOException {
    Path csv = DATA.resolve(file);
    assertTrue(Files.isRegularFile(csv), csv + " is missing: the tests expect ../shared beside the repository");
    Path statistics = PenguinCorruptions.statistics(PenguinCorruptions.examples(csv, dir.resolve("clean")),
        dir.resolve("clean-statistics"));
    Path schemaDir = dir.resolve("schema");
    DatasetSchema schema =
        SchemaGenJob.run(statistics, "train", SchemaGen.infer(), null, schemaDir, false, PenguinCorruptions.quiet("schemagen"));
    List<Anomaly> clean = anomalies(ValidateSettings.of(statistics, schemaDir, dir.resolve("clean-anomalies")));
    assertEquals(List.of(), errors(clean), file + ": clean data raised errors");

    Corruption corruption = new Corruption(schema, train(statistics));
    Path corruptCsv = Files.write(dir.resolve("corrupt.csv"), corruption.apply(Files.readAllLines(csv)));
    Path corruptStatistics = PenguinCorruptions.statistics(PenguinCorruptions.examples(corruptCsv, dir.resolve("corrupt")),
        dir.resolve("corrupt-statistics"));
    List<Anomaly> found = anomalies(ValidateSettings.of(corruptStatistics, schemaDir, dir.resolve("corrupt-anomalies"))
        .withBaseline(statistics));
    Set<String> errors = errors(found).stream().map(a -> a.type() + ":" + a.feature()).collect(Collectors.toSet());
    Set<String> expected = new HashSet<>(Set.of(
        "TYPE_MISMATCH:" + corruption.wrongType, "MISSING_FEATURE:" + corruption.dropped,
        "OUT_OF_RANGE:" + corruption.outOfRange, "UNEXPECTED_VALUES:" + corruption.unseen));
    assertTrue(errors.containsAll(expected), file + ": expected " + expected + " among the errors " + errors);
    if (corruption.shifted != null) {
      assertTrue(found.stream().anyMatch(a -> corruption.shifted.equals(a.feature())
              && (a.type() == AnomalyType.OUT_OF_RANGE || a.type() == AnomalyType.DRIFT)),
          file + ": the shift of " + corruption.shifted + " is not reported: " + found);
    }
  }

  private static List<Anomaly> anomalies(ValidateSettings settings) {
    List<Anomaly> all = new ArrayList<>();
    ValidateJob.run(settings, PenguinCorruptions.quiet("validate")).forEach(s -> all.addAll(s.anomalies().anomalies()));
    return all;
  }

  private static List<Anomaly> errors(List<Anomaly> anomalies) {
    return anomalies.stream().filter(a -> a.severity() == Severity.ERROR).toList();
  }

  /** The clean train split's statistics per feature. */
  private static List<FeatureStatistics> train(Path statistics) throws IOException {
    return StatisticsJson.read(ExampleSplits.folder(statistics, "train").resolve(StatisticsJson.FILE_NAME))
        .overall().features();
  }

  /**
   * The columns to corrupt, chosen from the clean schema by position (ExampleGen keeps the CSV's
   * column order): the first numeric column gets text, the second values past its range, a third
   * (when there is one) a shift; the first column with a domain gets unseen values; the last other
   * column is dropped.
   */
  private static final class Corruption {
    final String wrongType;
    final String outOfRange;
    final String shifted;
    final String unseen;
    final String dropped;
    private final List<FeatureSchema> features;
    private final List<FeatureStatistics> train;

    Corruption(DatasetSchema schema, List<FeatureStatistics> train) {
      this.features = schema.features();
      this.train = train;
      List<String> numeric = new ArrayList<>();
      String domain = null;
      for (FeatureSchema f : features) {
        if (f.type().isNumeric() && f.hasRange()) {
          numeric.add(f.name());
        } else if (domain == null && f.domain() != null) {
          domain = f.name();
        }
      }
      assertTrue(numeric.size() >= 2 && domain != null, "needs two numeric columns and one with a domain: " + features);
      wrongType = numeric.get(0);
      outOfRange = numeric.get(1);
      shifted = numeric.size() > 2 ? numeric.get(2) : null;
      unseen = domain;
      Set<String> used = new HashSet<>(Arrays.asList(wrongType, outOfRange, shifted, unseen));
      String last = null;
      for (FeatureSchema f : features) {
        last = used.contains(f.name()) ? last : f.name();
      }
      dropped = last;
    }

    List<String> apply(List<String> lines) {
      List<String> out = new ArrayList<>();
      int drop = index(dropped);
      for (int row = 0; row < lines.size(); row++) {
        List<String> cells = new ArrayList<>(CsvCells.split(lines.get(row)));
        if (row > 0) {
          edit(cells, wrongType, row % 20 == 3, value -> "oops");
          edit(cells, outOfRange, row % 20 == 7, value -> number(outOfRange, feature(outOfRange).max() * 10 + 1000));
          String category = "Unseen-" + row % 5;
          edit(cells, unseen, row % 20 == 11, value -> category);
          if (shifted != null) {
            edit(cells, shifted, true, value -> number(shifted, Double.parseDouble(value) + std(shifted)));
          }
        }
        cells.remove(drop);
        out.add(CsvCells.join(cells));
      }
      return out;
    }

    private void edit(List<String> cells, String column, boolean when, UnaryOperator<String> change) {
      int i = index(column);
      String value = cells.get(i);
      boolean isNumber = !feature(column).type().isNumeric() || value.matches("-?[0-9.eE+-]+");
      if (when && !value.isEmpty() && isNumber) {
        cells.set(i, change.apply(value));
      }
    }

    private String number(String column, double value) {
      return feature(column).type() == FeatureType.INT ? Long.toString(Math.round(value)) : Double.toString(value);
    }

    private double std(String column) {
      double std = train.get(index(column)).numeric().stdDev();
      return feature(column).type() == FeatureType.INT ? Math.max(1, Math.round(std)) : std;
    }

    private int index(String column) {
      for (int i = 0; i < features.size(); i++) {
        if (features.get(i).name().equals(column)) {
          return i;
        }
      }
      throw new IllegalArgumentException(column);
    }

    private FeatureSchema feature(String column) {
      return features.get(index(column));
    }
  }
}
