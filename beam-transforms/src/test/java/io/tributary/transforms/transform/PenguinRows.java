package io.tributary.transforms.transform;

import io.tributary.transforms.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** The 344 penguins as Rows, with a row number {@code id}; {@code NA} is missing. */
final class PenguinRows {

  static final Schema SCHEMA =
      Schema.builder()
          .addInt64Field("id")
          .addStringField("species")
          .addStringField("island")
          .addNullableField("bill_length_mm", FieldType.DOUBLE)
          .addNullableField("bill_depth_mm", FieldType.DOUBLE)
          .addNullableField("flipper_length_mm", FieldType.INT64)
          .addNullableField("body_mass_g", FieldType.INT64)
          .addNullableField("sex", FieldType.STRING)
          .addInt64Field("year")
          .build();

  /** A spec that uses every kind of step on the penguins. */
  static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("bill_length_z", "bill_length_mm", Step.imputeMean(), Step.zScore())
          .feature("bill_depth_01", "bill_depth_mm", Step.imputeMedian(), Step.scaleTo01(), Step.clip(0.0, 1.0))
          .feature("flipper_quartile", "flipper_length_mm", Step.quantileBuckets(4), Step.oneHot())
          .feature("body_mass_log", "body_mass_g", Step.imputeMostFrequent(), Step.log1p())
          .feature("body_mass_missing", "body_mass_g", Step.missingIndicator())
          .feature("island_onehot", "island", Step.vocabulary().withOovBuckets(1), Step.oneHot())
          .feature("sex_id", "sex", Step.imputeConstant("unknown"), Step.vocabulary().withTopK(2))
          .feature("species_x_island", List.of("species", "island"), Step.cross(), Step.hash(8))
          .feature("year_bucket", "year", Step.bucketize(2008.0, 2009.0))
          .passThrough("id", "species")
          .build();

  private PenguinRows() {}

  static List<Row> read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(TestFiles.penguins());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      rows.add(
          Row.withSchema(SCHEMA)
              .addValues(
                  (long) i, f[0], f[1], dbl(f[2]), dbl(f[3]), lng(f[4]), lng(f[5]),
                  "NA".equals(f[6]) ? null : f[6], Long.parseLong(f[7]))
              .build());
    }
    return rows;
  }

  private static Double dbl(String text) {
    return "NA".equals(text) ? null : Double.parseDouble(text);
  }

  private static Long lng(String text) {
    return "NA".equals(text) ? null : Long.parseLong(text);
  }
}
