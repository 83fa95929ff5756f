package io.tributary.jobs.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.SliceStatistics;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same StatisticsGen job on embedded Flink and on Spark gives the DirectRunner's figures:
 * counts, min and max exactly (they do not depend on the order values are combined in), means up
 * to rounding, the distinct values and top values of string features exactly.
 */
class StatisticsGenRunnersTest {
  /** Means and weighted means differ across runners in the last digits only. */
  private static final double RELATIVE_TOLERANCE = 1e-12;

  @TempDir static Path dir;
  private static Path examples;
  private static List<DatasetStatistics> direct;

  @BeforeAll
  static void onTheDirectRunner() {
    examples = dir.resolve("examples");
    PenguinStatistics.examples(examples);
    direct = run("direct");
  }

  private static List<DatasetStatistics> run(String profile) {
    return PenguinStatistics.statistics(
        new ByteArrayOutputStream(),
        "--examples=" + examples,
        "--output=" + dir.resolve(profile),
        "--slice=species",
        "--weight=body_mass_g",
        "--profile=" + profile);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flink-local", "spark-local"})
  void givesTheDirectRunnersFigures(String profile) {
    List<DatasetStatistics> other = run(profile);
    assertEquals(direct.size(), other.size());
    for (int s = 0; s < direct.size(); s++) {
      DatasetStatistics expected = direct.get(s);
      DatasetStatistics actual = other.get(s);
      assertEquals(expected.split(), actual.split());
      assertSameSlice(expected.overall(), actual.overall(), profile + " " + expected.split());
      assertEquals(expected.slices().size(), actual.slices().size());
      for (int i = 0; i < expected.slices().size(); i++) {
        SliceStatistics slice = expected.slices().get(i);
        assertSameSlice(slice, actual.slices().get(i),
            profile + " " + expected.split() + " " + slice.column() + "=" + slice.value());
      }
    }
  }

  private static void assertSameSlice(SliceStatistics expected, SliceStatistics actual, String where) {
    assertEquals(expected.column(), actual.column(), where);
    assertEquals(expected.value(), actual.value(), where);
    assertEquals(expected.rowCount(), actual.rowCount(), where);
    assertClose(expected.weightedRowCount(), actual.weightedRowCount(), where + " weighted rows");
    for (FeatureStatistics feature : expected.features()) {
      String at = where + " " + feature.name();
      FeatureStatistics other = actual.feature(feature.name());
      assertEquals(feature.type(), other.type(), at);
      assertEquals(feature.numNonMissing(), other.numNonMissing(), at);
      assertEquals(feature.numMissing(), other.numMissing(), at);
      if (feature.numeric() != null) {
        NumericStatistics a = feature.numeric();
        NumericStatistics b = other.numeric();
        assertEquals(a.min(), b.min(), at + " min");
        assertEquals(a.max(), b.max(), at + " max");
        assertEquals(a.numZeros(), b.numZeros(), at + " zeros");
        assertClose(a.mean(), b.mean(), at + " mean");
        assertClose(a.stdDev(), b.stdDev(), at + " std dev");
        assertClose(a.weightedMean(), b.weightedMean(), at + " weighted mean");
      }
      if (feature.string() != null) {
        assertEquals(feature.string().distinctCount(), other.string().distinctCount(), at);
        assertEquals(feature.string().topValues(), other.string().topValues(), at);
        assertEquals(feature.string().totalLength(), other.string().totalLength(), at);
      }
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(expected, actual, Math.abs(expected) * RELATIVE_TOLERANCE + 1e-300, what);
  }
}
