package io.tributary.transforms.testing;

import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * A seeded binary data set with 3% positives, like a loan-default file: two measurements, each
 * normal with standard deviation 1, centred on 0 for {@code no} and on 1.5 for {@code yes}. The
 * classes overlap, but a model that weighs them evenly finds most positives (the balanced
 * boundary recalls about 85% of them); one that optimises accuracy predicts {@code no} nearly
 * always. Rows 0..2999 train, 3000..3999 test; a transform z-scores both measurements.
 */
public final class ImbalancedExamples {

  public static final String LABEL = "defaulted";
  public static final Schema SCHEMA =
      Schema.builder().addDoubleField("income").addDoubleField("debt").addStringField(LABEL).build();
  public static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("income_z", "income", Step.zScore())
          .feature("debt_z", "debt", Step.zScore())
          .passThrough(LABEL)
          .build();

  public final List<Row> train;
  public final List<Row> test;
  public final TransformFn fn;

  private ImbalancedExamples(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      boolean positive = random.nextDouble() < 0.03;
      double shift = positive ? 1.5 : 0.0;
      rows.add(Row.withSchema(SCHEMA)
          .addValues(shift + gaussian(random), shift + gaussian(random), positive ? "yes" : "no")
          .build());
    }
    train = List.copyOf(rows.subList(0, 3000));
    test = List.copyOf(rows.subList(3000, 4000));
    fn = TransformFn.fit(SPEC, SCHEMA, train);
  }

  public static ImbalancedExamples of(long seed) {
    return new ImbalancedExamples(seed);
  }

  public List<Row> transformedTrain() {
    return train.stream().map(fn::apply).toList();
  }

  public List<Row> transformedTest() {
    return test.stream().map(fn::apply).toList();
  }

  /** Rows of {@code rows} labelled yes. */
  public static long positives(List<Row> rows) {
    return rows.stream().filter(row -> "yes".equals(row.getString(LABEL))).count();
  }

  /** A standard normal draw (Box-Muller), from the seeded generator only. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
