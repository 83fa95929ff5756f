package io.tributary.transforms.validation;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link AnomalyType#EMPTY_SPLIT}: the split has no row ({@code measured} 0, {@code threshold} 1).
 * Otherwise {@link AnomalyType#EXAMPLE_COUNT_OUT_OF_BOUNDS}: the row count ({@code measured}) is
 * below the schema's {@code minExamples} or above its {@code maxExamples} ({@code threshold}: the
 * bound crossed).
 */
final class ExampleCountCheck implements DatasetCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(DatasetSchema schema, DatasetStatistics statistics, @Nullable String environment) {
    long rows = statistics.rowCount();
    if (rows == 0) {
      return List.of(
          Anomaly.builder(AnomalyType.EMPTY_SPLIT, null)
              .setShortDescription("Empty split")
              .setDescription("Split '" + statistics.split() + "' has no examples.")
              .setRemedy("Check the input files and the split configuration of ExampleGen: no row reached this split.")
              .setMeasured(0, 1)
              .build());
    }
    boolean tooFew = rows < schema.minExamples();
    if (!tooFew && rows <= schema.maxExamples()) {
      return List.of();
    }
    long bound = tooFew ? schema.minExamples() : schema.maxExamples();
    return List.of(
        Anomaly.builder(AnomalyType.EXAMPLE_COUNT_OUT_OF_BOUNDS, null)
            .setShortDescription(tooFew ? "Too few examples" : "Too many examples")
            .setDescription(
                "Split '" + statistics.split() + "' has " + rows + " examples; the schema allows "
                    + (tooFew ? "at least " : "at most ") + bound + ".")
            .setRemedy("If this many examples is fine, set \"" + (tooFew ? "minExamples" : "maxExamples") + "\" to "
                + rows + " or " + (tooFew ? "less" : "more") + " in the schema; if not, check the input.")
            .setMeasured(rows, bound)
            .build());
  }
}
