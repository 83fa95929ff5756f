package io.tributary.transforms.validation;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link AnomalyType#MISSING_FEATURE}: a schema feature expected in the environment has no column
 * in the data ({@code measured} 0 columns, {@code threshold} 1). {@link AnomalyType#NEW_FEATURE}: a
 * column the schema does not list ({@code measured}: the share of rows where it has a value).
 */
final class ColumnsCheck implements DatasetCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(DatasetSchema schema, DatasetStatistics statistics, @Nullable String environment) {
    Set<String> columns = new HashSet<>();
    statistics.overall().features().forEach(f -> columns.add(f.name()));
    List<Anomaly> anomalies = new ArrayList<>();
    for (FeatureSchema feature : schema.features()) {
      if (feature.isIn(environment) && !columns.contains(feature.name())) {
        anomalies.add(
            Anomaly.builder(AnomalyType.MISSING_FEATURE, feature.name())
                .setShortDescription("Column dropped")
                .setDescription(
                    "The schema lists this " + feature.type() + " feature"
                        + (environment == null ? "" : " in environment " + environment)
                        + ", but the data has no such column.")
                .setRemedy("Restore the column in the data; if it is gone for good, remove feature '" + feature.name()
                    + "' from the schema"
                    + (environment == null ? "" : ", or add \"" + environment + "\" to its \"notInEnvironments\"")
                    + ".")
                .setMeasured(0, 1)
                .build());
      }
    }
    for (FeatureStatistics column : statistics.overall().features()) {
      if (schema.feature(column.name()).isEmpty()) {
        double present = column.count() == 0 ? 0.0 : (double) column.numNonMissing() / column.count();
        anomalies.add(
            Anomaly.builder(AnomalyType.NEW_FEATURE, column.name())
                .setShortDescription("New column")
                .setDescription(
                    "The data has a " + column.type() + " column that the schema does not list (present in "
                        + Text.percent(present) + " of the rows); add it to the schema or drop it.")
                .setRemedy("Add a feature '" + column.name() + "' of type " + column.type()
                    + " to the schema's \"features\" (SchemaGen infers one from data that has it), or drop the column.")
                .setMeasured(present, 0)
                .build());
      }
    }
    return anomalies;
  }
}
