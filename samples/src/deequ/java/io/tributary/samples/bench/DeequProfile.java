package io.tributary.samples.bench;

import com.amazon.deequ.profiles.ColumnProfilerRunner;
import com.amazon.deequ.profiles.ColumnProfiles;
import io.tributary.samples.synthetic.SyntheticExamples;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The competitor of {@code samples/bench/ingest.sh}: Deequ's column profiler on the synthetic CSV,
 * Spark {@code local[2]}, with KLL percentiles, as issue 16 compared Tributary with. Spark is given
 * the synthetic schema, so it reads the file once (Tributary infers its schema from the first
 * rows; Spark's {@code inferSchema} would read the whole file one more time): Deequ's best case.
 *
 * <p>Compiled only with the samples module's {@code deequ-bench} Maven profile, which brings Deequ
 * and Spark's MLlib; the normal build does not.
 *
 * <pre>
 * java -cp ... io.tributary.samples.bench.DeequProfile data.csv
 * </pre>
 *
 * <p>Prints one {@value #PREFIX} line of {@code key=value} figures.
 */
public final class DeequProfile {
  static final String PREFIX = "deequ-profile:";

  private DeequProfile() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DeequProfile CSV_FILE (the synthetic data, with a header)");
    }
    long started = System.nanoTime();
    SparkSession spark =
        SparkSession.builder().master("local[2]").appName("deequ-profile").config("spark.ui.enabled", "false").getOrCreate();
    try {
      Dataset<Row> data = spark.read().option("header", "true").schema(sparkSchema()).csv(args[0]);
      ColumnProfiles profiles = new ColumnProfilerRunner().onData(data).withKLLProfiling().run();
      System.out.println(String.format(Locale.ROOT, "%s rows=%d columns=%d seconds=%.3f",
          PREFIX, profiles.numRecords(), profiles.profiles().size(), (System.nanoTime() - started) / 1e9));
    } finally {
      spark.stop();
    }
  }

  /** {@link SyntheticExamples#SCHEMA} as Spark's, every column nullable as CSV columns are. */
  private static StructType sparkSchema() {
    StructField[] fields =
        SyntheticExamples.SCHEMA.getFields().stream()
            .map(field -> DataTypes.createStructField(field.name(), sparkType(field.schema()), true))
            .toArray(StructField[]::new);
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(Schema avro) {
    Schema type = avro.isNullable() ? avro.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow() : avro;
    switch (type.getType()) {
      case LONG:
        return DataTypes.LongType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      case STRING:
        return DataTypes.StringType;
      default:
        throw new IllegalStateException("no Spark type for " + type);
    }
  }
}
