package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The fast conversion gives exactly Beam's rows, and leaves the schemas it does not handle to Beam. */
class RecordToRowTest {

  private static final Schema FLAT =
      SchemaBuilder.record("Example").fields()
          .requiredLong("id")
          .optionalLong("maybe_long")
          .requiredInt("small")
          .optionalDouble("x")
          .requiredFloat("f")
          .optionalBoolean("flag")
          .requiredString("name")
          .optionalString("maybe_name")
          .endRecord();

  @Test
  void flatRecordsBecomeBeamsRowsWithStringsForUtf8() {
    GenericRecord full = new GenericData.Record(FLAT);
    full.put("id", 7L);
    full.put("maybe_long", -3L);
    full.put("small", 4);
    full.put("x", Double.NaN);
    full.put("f", 1.5f);
    full.put("flag", true);
    full.put("name", new Utf8("Adélie"));
    full.put("maybe_name", "already a String");
    GenericRecord sparse = new GenericData.Record(FLAT);
    sparse.put("id", Long.MIN_VALUE);
    sparse.put("small", 0);
    sparse.put("f", -0.0f);
    sparse.put("name", new Utf8(""));
    for (GenericRecord record : List.of(full, sparse)) {
      Row expected = AvroUtils.toBeamRowStrict(record, AvroUtils.toBeamSchema(FLAT));
      Row actual = ExamplesIO.recordToRow(FLAT).apply(record);
      assertEquals(expected, actual);
      assertEquals(String.class, actual.getValue("name").getClass());
    }
  }

  @Test
  void otherSchemasAreConvertedByBeam() {
    Schema other =
        SchemaBuilder.record("Example").fields()
            .requiredString("name")
            .name("when").type().longBuilder().prop("logicalType", "timestamp-millis").endLong().noDefault()
            .requiredBytes("blob")
            .endRecord();
    GenericRecord record = new GenericData.Record(other);
    record.put("name", new Utf8("a"));
    record.put("when", 1_700_000_000_000L);
    record.put("blob", ByteBuffer.wrap(new byte[] {1, 2}));
    assertEquals(
        AvroUtils.toBeamRowStrict(record, AvroUtils.toBeamSchema(other)),
        ExamplesIO.recordToRow(other).apply(record));
  }
}
