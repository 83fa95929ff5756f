package io.tributary.transforms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class HashSplitTest {

  private static final Schema SCHEMA =
      Schema.builder().addInt64Field("id").addStringField("user").build();

  private static PCollection<Row> rows(TestPipeline p, int n) {
    return p.apply(GenerateSequence.from(0).to(n))
        .apply(
            MapElements.into(TypeDescriptors.rows())
                .via((Long i) -> Row.withSchema(SCHEMA).addValues(i, "user-" + (i % 97)).build()))
        .setRowSchema(SCHEMA);
  }

  private static PCollection<Long> ids(PCollection<Row> split, String name) {
    return split.apply(name, MapElements.into(TypeDescriptors.longs()).via((Row r) -> r.getInt64("id")));
  }

  @Test
  void ratiosHoldOnTenThousandRows(TestPipeline p) {
    Splits splits = rows(p, 10_000).apply(Split.byHash("id").withRatios("train:8,eval:1,test:1"));
    // Binomial standard deviation is 40 (train) and 30 (eval, test): allow about 5 of them.
    assertWithin(splits.get("train").apply("CountTrain", Count.globally()), 8000, 200);
    assertWithin(splits.get("eval").apply("CountEval", Count.globally()), 1000, 150);
    assertWithin(splits.get("test").apply("CountTest", Count.globally()), 1000, 150);
    p.run().waitUntilFinish();
  }

  private static void assertWithin(PCollection<Long> count, long expected, long tolerance) {
    PAssert.thatSingleton(count)
        .satisfies(
            n -> {
              assertTrue(Math.abs(n - expected) <= tolerance, n + " is not within " + expected + "±" + tolerance);
              return null;
            });
  }

  @Test
  void sameSeedSameAssignmentOtherSeedAnother(TestPipeline p) {
    PCollection<Row> rows = rows(p, 1_000);
    PCollection<Long> first = ids(rows.apply("SplitA", Split.byHash("id").withSeed(7)).get("train"), "IdsA");
    PCollection<Long> again = ids(rows.apply("SplitB", Split.byHash("id").withSeed(7)).get("train"), "IdsB");
    PCollection<Long> other = ids(rows.apply("SplitC", Split.byHash("id").withSeed(8)).get("train"), "IdsC");
    // Each id of the first assignment appears in the repeated one: counts are all exactly 2.
    PCollection<KV<Long, Long>> sameSeed =
        PCollectionList.of(first).and(again).apply("FlattenSame", Flatten.pCollections())
            .apply("CountSame", Count.perElement());
    PAssert.that(sameSeed.apply("SameValues", Values.create()).apply("SameDistinct", Distinct.create()))
        .containsInAnyOrder(2L);
    PCollection<KV<Long, Long>> otherSeed =
        PCollectionList.of(first).and(other).apply("FlattenOther", Flatten.pCollections())
            .apply("CountOther", Count.perElement());
    PAssert.that(otherSeed.apply("OtherValues", Values.create()).apply("OtherDistinct", Distinct.create()))
        .containsInAnyOrder(1L, 2L);
    p.run().waitUntilFinish();
  }

  @Test
  void aKeyKeepsAllRowsOfAnEntityInOneSplit(TestPipeline p) {
    Splits splits = rows(p, 3_000).apply(Split.byHash("user"));
    List<PCollection<KV<String, String>>> userToSplit = new ArrayList<>();
    for (String name : splits.names()) {
      userToSplit.add(
          splits.get(name).apply("Users/" + name,
              MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                  .via((Row r) -> KV.of(r.getString("user"), name))));
    }
    PCollection<Long> splitsPerUser =
        PCollectionList.of(userToSplit).apply(Flatten.pCollections())
            .apply("Distinct", Distinct.create())
            .apply("SplitsPerUser", Count.perKey())
            .apply("Counts", Values.create())
            .apply("DistinctCounts", Distinct.create());
    PAssert.that(splitsPerUser).containsInAnyOrder(1L);
    assertEquals(List.of("train", "eval"), splits.names());
    p.run().waitUntilFinish();
  }
}
