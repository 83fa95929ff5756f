package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * The fitted artifact does not depend on the order a runner feeds rows or merges partial
 * accumulators: the same rows, shuffled, cut into partials and merged in any order, give the same
 * {@code transform_fn.json} bytes as one pass.
 *
 * <p>The numbers span many magnitudes and signs, where a floating-point running mean (Welford/Chan)
 * differs in the last digits with the order; the integers (quantiles) and categories (vocabulary
 * with ties) stay within the analyzers' exact ranges.
 */
class FitOrderTest {

  private static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("x_z", "x", Step.zScore())
          .feature("x_filled", "x", Step.imputeMean())
          .feature("n_q", "n", Step.quantileBuckets(4))
          .feature("n_median", "n", Step.imputeMedian())
          .feature("c_id", "c", Step.vocabulary())
          .feature("d_top", "d", Step.imputeMostFrequent())
          .build();

  /** 900 rows: x of mixed magnitude (some missing), n small integers, c and d with tied counts. */
  private static List<Row> rows() {
    Random random = new Random(42);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      Double x = i % 17 == 0 ? null : (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextGaussian() * 12);
      long n = random.nextInt(50);
      String c = "c" + (i % 6);
      String d = i % 2 == 0 ? "even" : "odd";
      rows.add(SmallData.row(x, n, c, d));
    }
    return rows;
  }

  /** Shuffles the rows, cuts them into {@code parts} partials, and merges the partials shuffled. */
  private static String fitInPieces(List<Row> rows, int parts, long seed) {
    Random random = new Random(seed);
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, random);
    FitFn fit = new FitFn(SPEC, SmallData.SCHEMA);
    List<FitFn.Accumulators> partials = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      partials.add(fit.createAccumulator());
    }
    for (Row row : shuffled) {
      int p = random.nextInt(parts);
      partials.set(p, fit.addInput(partials.get(p), row));
    }
    // Merge as a tree of random pairs, like a runner's combiner levels would.
    while (partials.size() > 1) {
      Collections.shuffle(partials, random);
      FitFn.Accumulators a = partials.remove(partials.size() - 1);
      FitFn.Accumulators b = partials.remove(partials.size() - 1);
      partials.add(fit.mergeAccumulators(List.of(a, b)));
    }
    return fit.extractOutput(partials.get(0)).toJson();
  }

  @Test
  void shuffledRowsAndMergeOrdersGiveTheSameBytes() {
    List<Row> rows = rows();
    String onePass = TransformFn.fit(SPEC, SmallData.SCHEMA, rows).toJson();
    for (int seed = 1; seed <= 20; seed++) {
      int parts = 1 + seed % 7;
      assertEquals(onePass, fitInPieces(rows, parts, seed), "seed " + seed + ", " + parts + " partials");
    }
  }
}
