package io.tributary.transforms.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Computes statistics without a pipeline, with the transform's own combine functions: rows are
 * split into two partial accumulators per slice, each sent through the accumulator coder, then
 * merged, as a runner with combiner lifting would do. For fast unit tests of merge and JSON.
 */
public final class LocalStatistics {
  private LocalStatistics() {}

  public static DatasetStatistics compute(
      Schema schema, List<Row> rows, String weightColumn, String... sliceColumns) {
    List<FeatureType> types = new ArrayList<>();
    schema.getFields().forEach(field -> types.add(FeatureType.of(field.getType())));
    SliceCombineFn combine =
        new SliceCombineFn(types, weightColumn == null ? -1 : schema.indexOf(weightColumn));
    Map<KV<String, String>, List<StatisticsAccumulator>> partials = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      List<KV<String, String>> keys = new ArrayList<>();
      keys.add(AssembleStatisticsFn.OVERALL);
      for (String column : sliceColumns) {
        Object value = row.getValue(column);
        keys.add(KV.of(column, value == null ? null : value.toString()));
      }
      for (KV<String, String> key : keys) {
        List<StatisticsAccumulator> halves =
            partials.computeIfAbsent(
                key, k -> List.of(combine.createAccumulator(), combine.createAccumulator()));
        combine.addInput(halves.get(i % 2), row);
      }
    }
    List<KV<KV<String, String>, StatisticsAccumulator>> parts = new ArrayList<>();
    partials.forEach(
        (key, halves) ->
            parts.add(
                KV.of(key, combine.mergeAccumulators(List.of(viaCoder(halves.get(0)), viaCoder(halves.get(1)))))));
    return new AssembleStatisticsFn(
            "local",
            "test",
            weightColumn,
            StatisticsOptions.defaults(),
            schema.getFieldNames(),
            types,
            List.of(sliceColumns))
        .assemble(parts);
  }

  static StatisticsAccumulator viaCoder(StatisticsAccumulator accumulator) {
    try {
      StatisticsAccumulatorCoder coder = StatisticsAccumulatorCoder.of();
      return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, accumulator));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
