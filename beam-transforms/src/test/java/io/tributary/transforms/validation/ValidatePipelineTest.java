package io.tributary.transforms.validation;

import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.metrics.PipelineCounters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In pipelines, on every runner: per-record validation of corrupted penguins, and StatisticsGen →
 * SchemaGen → ExampleValidator as transforms agreeing with the plain-Java calls.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class ValidatePipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CsvTable CLEAN = CsvTable.penguins();
  private static final DatasetSchema SCHEMA = SchemaGen.infer().from(CLEAN.statistics());

  private static final Schema NUMBERED =
      Schema.builder().addFields(CLEAN.schema().getFields()).addInt64Field("line").build();

  /** The penguins with their line number, 5 blanked species and 3 out-of-range masses (line 2 has both). */
  private static List<Row> corrupted() {
    List<Row> rows = new ArrayList<>();
    List<Row> clean = CLEAN.rows();
    for (int i = 0; i < clean.size(); i++) {
      List<Object> values = new ArrayList<>(clean.get(i).getValues());
      values.add((long) i + 2);
      Row.FieldValueBuilder row = Row.fromRow(Row.withSchema(NUMBERED).addValues(values).build());
      if (i % 70 == 0) {
        row.withFieldValue("species", null);
      }
      if (i % 150 == 0) {
        row.withFieldValue("body_mass_g", 99_999L);
      }
      rows.add(row.build());
    }
    return rows;
  }

  @Test
  void failingRecordsGoToTheErrorOutputWithReasons(TestPipeline p) {
    OutputWithErrors result =
        p.apply(Create.of(corrupted()).withRowSchema(NUMBERED))
            .apply(Validate.against(SCHEMA).withSource("penguins.csv").withLineField("line"));
    PAssert.thatSingleton(result.output().apply("CountValid", Count.globally())).isEqualTo(344L - 7);
    PAssert.that(result.errors().apply(RecordError.asJsonLines()))
        .satisfies(lines -> {
          List<String> found = new ArrayList<>();
          for (String line : lines) {
            JsonNode node = read(line);
            assertEquals("penguins.csv", node.get("source").asText());
            assertEquals(node.get("record").get("line").asLong(), node.get("line").asLong());
            List<String> reasons = new ArrayList<>();
            node.get("reasons").forEach(r -> reasons.add(r.asText()));
            found.add(node.get("line").asLong() + " " + reasons);
          }
          found.sort(null);
          assertEquals(
              List.of(
                  "142 [species: missing, but the schema requires a value]",
                  "152 [body_mass_g: 99999 is outside the range [2340, 6660]]",
                  "2 [species: missing, but the schema requires a value, body_mass_g: 99999 is outside the range [2340, 6660]]",
                  "212 [species: missing, but the schema requires a value]",
                  "282 [species: missing, but the schema requires a value]",
                  "302 [body_mass_g: 99999 is outside the range [2340, 6660]]",
                  "72 [species: missing, but the schema requires a value]"),
              found);
          return null;
        });
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(344L, counter(run, "records"));
    assertEquals(337L, counter(run, "valid_records"));
    assertEquals(7L, counter(run, "invalid_records"));
    assertEquals(5L, counter(run, "invalid_species"));
    assertEquals(3L, counter(run, "invalid_body_mass_g"));
    assertEquals(5L, counter(run, "species:missing"));
    assertEquals(3L, counter(run, "body_mass_g:out_of_range"));
  }

  @Test
  void statisticsSchemaAndAnomaliesAsTransforms(TestPipeline p) {
    List<Row> rows = CLEAN.edit("island", 10, v -> "Atlantis").rows();
    PCollection<Row> input = p.apply(Create.of(rows).withRowSchema(CLEAN.schema()));
    PCollection<io.tributary.transforms.statistics.DatasetStatistics> statistics = input.apply(Statistics.generate());
    // Domains, ranges and presence come from exact figures, so the inferred schema is the local one.
    PAssert.thatSingleton(statistics.apply(SchemaGen.infer()))
        .isEqualTo(SchemaGen.infer().from(CsvTable.penguins().edit("island", 10, v -> "Atlantis").statistics()));
    PAssert.thatSingleton(statistics.apply(ExampleValidator.validate(SCHEMA)))
        .satisfies(anomalies -> {
          assertEquals(1, anomalies.anomalies().size());
          Anomaly island = anomalies.anomalies().get(0);
          assertEquals(AnomalyType.UNEXPECTED_VALUES, island.type());
          assertEquals(35.0, island.measured());
          return null;
        });
    p.run().waitUntilFinish();
  }

  @Test
  void schemaProblemsFailWhileBuilding(TestPipeline p) {
    PCollection<Row> input = p.apply(Create.of(CLEAN.drop("species").rows()).withRowSchema(CLEAN.drop("species").schema()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> input.apply(Validate.against(SCHEMA)));
    assertTrue(e.getMessage().startsWith("the input has no column 'species'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> input.apply(Validate.against(SCHEMA).withLineField("island")));
    p.enableAbandonedNodeEnforcement(false);
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long counter(PipelineResult run, String name) {
    return PipelineCounters.of(run, Validate.METRICS_NAMESPACE).counter(name);
  }
}
