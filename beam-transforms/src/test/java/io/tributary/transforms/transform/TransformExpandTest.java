package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Configuration errors surface while the pipeline is built, before any data is read; the one
 * check that needs the fitted side input fails the run with a clear message.
 */
@ExtendWith(TestPipelineExtension.class)
class TransformExpandTest {

  private PCollection<Row> rows;

  @BeforeEach
  void rows(TestPipeline p) {
    // Most tests expect construction to fail and never run the pipeline.
    p.enableAbandonedNodeEnforcement(false);
    rows = p.apply(Create.of(SmallData.rows()).withRowSchema(SmallData.SCHEMA));
  }

  @Test
  void analyzeChecksTheSpecAgainstTheInputSchema() {
    TransformSpec unknown = TransformSpec.builder().feature("a", "nope", Step.zScore()).passThrough("x").build();
    assertFails("column 'nope', which is not in the input", () -> rows.apply(Transform.analyze(unknown)));
    TransformSpec mismatch = TransformSpec.builder().feature("a", "c", Step.zScore()).drop("x", "n", "d").build();
    assertFails("zScore needs a number but receives STRING", () -> rows.apply(Transform.fitAndApply(mismatch)));
  }

  @Test
  void applyChecksTheColumnsTheFittedTransformReads() {
    TransformFn fn = TransformFn.fit(TransformFnTest.SPEC, SmallData.SCHEMA, SmallData.rows());
    Schema other = Schema.builder().addStringField("x").build();
    PCollection<Row> wrong =
        rows.getPipeline().apply("Other", Create.of(List.of(Row.withSchema(other).addValue("1").build())).withRowSchema(other));
    assertFails("column 'x' is STRING but the transform was fitted on DOUBLE", () -> wrong.apply(Transform.apply(fn)));
    Schema missing = Schema.builder().addDoubleField("x").build();
    PCollection<Row> partial =
        rows.getPipeline().apply("Partial", Create.of(List.of(Row.withSchema(missing).addValue(1.0).build())).withRowSchema(missing));
    assertFails("reads column 'n', which is not in the input", () -> partial.apply(Transform.apply(fn)));
  }

  @Test
  void aSideInputFittedWithAnotherSpecIsRefused(TestPipeline p) {
    TransformSpec other = TransformSpec.builder().feature("x_z", "x", Step.zScore()).drop("n", "c", "d").build();
    PCollectionView<TransformFn> view =
        p.apply("Fitted", Create.of(TransformFn.fit(other, SmallData.SCHEMA, SmallData.rows())).withCoder(TransformFnCoder.of()))
            .apply(View.asSingleton());
    rows.apply(Transform.apply(view, TransformFnTest.SPEC));
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    assertTrue(e.getCause().getMessage().contains("fitted with another spec"), e.getCause().getMessage());
  }

  @Test
  void nullArgumentsNameTheFix() {
    assertFails("TransformSpec.builder()", () -> Transform.analyze(null));
    assertFails("TransformFnFiles.read", () -> Transform.apply((TransformFn) null));
  }

  private static void assertFails(String expected, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
  }
}
