package io.tributary.transforms.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * Sends each row to one split by a seeded hash of key columns (or of the whole row). See {@link
 * Split#byHash}.
 *
 * <p>Hashing a key keeps all rows of one entity (a user, a session) in the same split, which is
 * what keeps evaluation honest; hashing the whole row is the fallback when there is no key, and
 * then identical rows land together. The seed changes the assignment without changing the ratios.
 */
public final class HashSplit extends PTransform<PCollection<Row>, Splits> {

  private final List<String> keyColumns;
  private final SplitRatios ratios;
  private final long seed;

  HashSplit(List<String> keyColumns, SplitRatios ratios, long seed) {
    this.keyColumns = List.copyOf(keyColumns);
    this.ratios = ratios;
    this.seed = seed;
  }

  public HashSplit withRatios(SplitRatios newRatios) {
    return new HashSplit(keyColumns, newRatios, seed);
  }

  /** {@code "train:8,eval:1,test:1"}. */
  public HashSplit withRatios(String spec) {
    return withRatios(SplitRatios.parse(spec));
  }

  public HashSplit withSeed(long newSeed) {
    return new HashSplit(keyColumns, ratios, newSeed);
  }

  public List<String> keyColumns() {
    return keyColumns;
  }

  public SplitRatios ratios() {
    return ratios;
  }

  public long seed() {
    return seed;
  }

  /**
   * The split of each row, as an index into {@link SplitRatios#names()}: what {@link #expand}
   * applies, for a step that routes rows itself (such as one that writes each split's files as it
   * reads).
   *
   * @throws IllegalArgumentException when a key column is not in {@code schema}
   */
  public Partition.PartitionFn<Row> assignment(Schema schema) {
    int[] fields = new int[keyColumns.size()];
    for (int i = 0; i < keyColumns.size(); i++) {
      if (!schema.hasField(keyColumns.get(i))) {
        throw new IllegalArgumentException(
            "split key column '" + keyColumns.get(i) + "' is not in the examples; columns are "
                + schema.getFieldNames());
      }
      fields[i] = schema.indexOf(keyColumns.get(i));
    }
    return new AssignSplit(fields, ratios, seed);
  }

  @Override
  public Splits expand(PCollection<Row> rows) {
    Schema schema = rows.getSchema();
    PCollectionList<Row> parts =
        rows.apply("AssignSplit", Partition.of(ratios.names().size(), assignment(schema)));
    Map<String, PCollection<Row>> splits = new LinkedHashMap<>();
    for (int i = 0; i < ratios.names().size(); i++) {
      splits.put(ratios.names().get(i), parts.get(i).setRowSchema(schema));
    }
    return Splits.of(rows.getPipeline(), splits);
  }

  private static final class AssignSplit implements Partition.PartitionFn<Row> {
    private final int[] fields;
    private final SplitRatios ratios;
    private final long seed;

    AssignSplit(int[] fields, SplitRatios ratios, long seed) {
      this.fields = fields;
      this.ratios = ratios;
      this.seed = seed;
    }

    @Override
    public int partitionFor(Row row, int numPartitions) {
      int[] key = fields.length == 0 ? RowHash.allFields(row) : fields;
      return ratios.indexOf(RowHash.unit(RowHash.hash(row, key, seed)));
    }
  }
}
