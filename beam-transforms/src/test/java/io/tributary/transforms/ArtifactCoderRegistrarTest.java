package io.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.DatasetStatisticsCoder;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.CsvTable;
import io.tributary.transforms.validation.ExampleValidator;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The artifacts' JSON coders are what Beam picks by default, for the declared classes and for the
 * AutoValue classes {@code Create.of} sees, instead of Java serialisation.
 */
class ArtifactCoderRegistrarTest {
  private static final DatasetStatistics STATISTICS = CsvTable.penguins().statistics();
  private static final DatasetSchema SCHEMA = SchemaGen.infer().from(STATISTICS);
  private static final Anomalies ANOMALIES = ExampleValidator.validate(SCHEMA).check(STATISTICS);

  @Test
  void statisticsGetTheirJsonCoder() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    assertSame(DatasetStatisticsCoder.of(), registry.getCoder(DatasetStatistics.class));
    assertSame(DatasetStatisticsCoder.of(), registry.getCoder(TypeDescriptor.of(STATISTICS.getClass())));
  }

  @Test
  void schemasAndAnomaliesRoundTripAsJson() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    assertEquals(SCHEMA, roundTrip(registry.getCoder(TypeDescriptor.of(SCHEMA.getClass())), SCHEMA));
    assertEquals(ANOMALIES, roundTrip(registry.getCoder(TypeDescriptor.of(ANOMALIES.getClass())), ANOMALIES));
    // JSON text, not a Java-serialised object stream (which starts with 0xACED).
    byte[] bytes = CoderUtils.encodeToByteArray(registry.getCoder(DatasetSchema.class), SCHEMA);
    assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("{"));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(Coder<?> coder, T value) throws Exception {
    Coder<T> typed = (Coder<T>) coder;
    return CoderUtils.decodeFromByteArray(typed, CoderUtils.encodeToByteArray(typed, value));
  }
}
