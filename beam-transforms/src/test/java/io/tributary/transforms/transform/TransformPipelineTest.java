package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.metrics.PipelineCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transform in pipelines, on every runner: the batch path equals the single-record path for every
 * penguin, and the fitted constants agree with an in-JVM fit.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class TransformPipelineTest {

  private static final Schema OUT = PenguinRows.SPEC.outputSchema(PenguinRows.SCHEMA);

  @Test
  void batchEqualsSingleRecordForEveryPenguin(TestPipeline p) {
    List<Row> rows = PenguinRows.read();
    assertEquals(344, rows.size());
    TransformFn local = TransformFn.fit(PenguinRows.SPEC, PenguinRows.SCHEMA, rows);
    List<Row> expected = new ArrayList<>();
    rows.forEach(row -> expected.add(local.apply(row)));
    PCollection<Row> input = p.apply("Penguins", Create.of(rows).withRowSchema(PenguinRows.SCHEMA));

    // A transform fitted elsewhere (here: in this JVM) gives exactly the single-record rows.
    PAssert.that(input.apply("ApplyLocal", Transform.apply(local))).containsInAnyOrder(expected);

    // Fitted in the pipeline: constants agree with the local fit; batch rows equal serving calls.
    TransformResult result = input.apply("FitAndApply", Transform.fitAndApply(PenguinRows.SPEC));
    String localJson = local.toJson();
    PAssert.thatSingleton(result.fitted())
        .satisfies(fn -> {
          assertFittedClose(TransformFn.fromJson(localJson), fn);
          return null;
        });
    PCollectionView<TransformFn> view = result.fitted().apply("View", View.asSingleton());
    PCollection<KV<Long, Row>> batch = result.output().apply("KeyBatch", ParDo.of(new KeyById()));
    PCollection<KV<Long, Row>> single =
        input.apply("Serve", ParDo.of(new ServeFn(view)).withSideInputs(view));
    KvCoder<Long, Row> coder = KvCoder.of(VarLongCoder.of(), SchemaCoder.of(OUT));
    PCollection<String> mismatches =
        PCollectionList.of(batch.setCoder(coder)).and(single.setCoder(coder))
            .apply(Flatten.pCollections())
            .apply(GroupByKey.create())
            .apply("Compare", ParDo.of(new MismatchFn()))
            .setCoder(StringUtf8Coder.of());
    PAssert.that(mismatches).empty();
    PAssert.thatSingleton(batch.apply("CountBatch", Count.globally())).isEqualTo(344L);
    p.run().waitUntilFinish();
  }

  @Test
  void emptyTrainingDataFitsAndTransformsNothing(TestPipeline p) {
    PCollection<Row> none = p.apply(Create.empty(SchemaCoder.of(PenguinRows.SCHEMA)));
    TransformResult result = none.apply(Transform.fitAndApply(PenguinRows.SPEC));
    PAssert.thatSingleton(result.fitted())
        .satisfies(fn -> {
          assertEquals(0, fn.numExamples());
          assertEquals(0.0, fn.constants("bill_length_z").get(1).stdDev(), 0.0);
          assertEquals(List.of(), fn.constants("island_onehot").get(0).vocabulary());
          return null;
        });
    PAssert.that(result.output()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void unseenAndMissingValuesAreCounted(TestPipeline p) {
    List<Row> rows = PenguinRows.read();
    TransformFn fn = TransformFn.fit(PenguinRows.SPEC, PenguinRows.SCHEMA, rows);
    List<Row> serving =
        List.of(
            Row.withSchema(PenguinRows.SCHEMA).addValues(1L, "Adelie", "Atlantis", null, 18.0, 190L, 4000L, "male", 2010L).build(),
            Row.withSchema(PenguinRows.SCHEMA).addValues(2L, "Gentoo", "Biscoe", 45.0, 99.0, null, null, null, 2007L).build());
    PCollection<Row> out =
        p.apply(Create.of(serving).withRowSchema(PenguinRows.SCHEMA)).apply(Transform.apply(fn));
    PAssert.that(out).containsInAnyOrder(fn.apply(serving.get(0)), fn.apply(serving.get(1)));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    Map<String, Long> counters = PipelineCounters.of(result, Transform.METRICS_NAMESPACE).byName();
    assertEquals(2L, counters.get(Transform.ROWS_COUNTER));
    assertEquals(1L, counters.get("oov_island_onehot"));
    assertEquals(1L, counters.get("missing_bill_length_z"));
    // 99 mm is outside the fitted range (scaleTo01 reports it) and then clipped (clip reports it).
    assertEquals(2L, counters.get("out_of_range_bill_depth_01"));
    assertEquals(1L, counters.get("missing_sex_id"));
    assertEquals(1L, counters.get("missing_body_mass_missing"));
  }

  /** Fitted constants agree: counts and lists exactly, doubles within a relative 1e-9. */
  static void assertFittedClose(TransformFn expected, TransformFn actual) {
    assertEquals(expected.numExamples(), actual.numExamples());
    assertEquals(expected.spec(), actual.spec());
    for (FeatureSpec feature : expected.spec().features()) {
      List<Constants> want = expected.constants(feature.name());
      List<Constants> got = actual.constants(feature.name());
      for (int i = 0; i < want.size(); i++) {
        String where = feature.name() + " step " + i;
        Constants w = want.get(i);
        Constants g = got.get(i);
        assertEquals(w.count(), g.count(), where);
        assertClose(w.mean(), g.mean(), where);
        assertClose(w.stdDev(), g.stdDev(), where);
        assertClose(w.min(), g.min(), where);
        assertClose(w.max(), g.max(), where);
        assertEquals(w.boundaries(), g.boundaries(), where);
        assertEquals(w.vocabulary(), g.vocabulary(), where);
        assertEquals(w.size(), g.size(), where);
        if (w.fill() instanceof Double) {
          assertClose((Double) w.fill(), (Double) g.fill(), where);
        } else {
          assertEquals(w.fill(), g.fill(), where);
        }
      }
    }
  }

  private static void assertClose(Double want, Double got, String where) {
    if (want == null || got == null) {
      assertEquals(want, got, where);
      return;
    }
    assertTrue(Math.abs(want - got) <= 1e-9 * Math.max(1.0, Math.abs(want)), where + ": " + want + " vs " + got);
  }

  private static final class KeyById extends DoFn<Row, KV<Long, Row>> {
    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<Long, Row>> out) {
      out.output(KV.of(row.getInt64("id"), row));
    }
  }

  /** The serving path: each row as a map through {@link TransformFn#apply(Map)}. */
  private static final class ServeFn extends DoFn<Row, KV<Long, Row>> {
    private final PCollectionView<TransformFn> view;

    ServeFn(PCollectionView<TransformFn> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<Long, Row>> out, ProcessContext context) {
      TransformFn fn = context.sideInput(view);
      Map<String, Object> record = new HashMap<>();
      for (String column : row.getSchema().getFieldNames()) {
        record.put(column, row.getValue(column));
      }
      List<Object> values = new ArrayList<>(fn.apply(record).values());
      out.output(KV.of(row.getInt64("id"), Row.withSchema(fn.outputSchema()).addValues(values).build()));
    }
  }

  /** Each id must have exactly two equal rows: one batch, one single-record. */
  private static final class MismatchFn extends DoFn<KV<Long, Iterable<Row>>, String> {
    @ProcessElement
    public void process(@Element KV<Long, Iterable<Row>> group, OutputReceiver<String> out) {
      List<Row> rows = new ArrayList<>();
      group.getValue().forEach(rows::add);
      if (rows.size() != 2 || !rows.get(0).equals(rows.get(1))) {
        out.output("id " + group.getKey() + ": " + rows);
      }
    }
  }
}
