package io.tributary.transforms.validation;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A check of a whole split's statistics against the schema (the set of columns, the number of
 * examples); the dataset-level counterpart of {@link FeatureCheck}. {@code environment} is the one
 * given to {@link ExampleValidator.Validation#inEnvironment}, or {@code null}.
 */
@FunctionalInterface
public interface DatasetCheck extends Serializable {
  List<Anomaly> check(DatasetSchema schema, DatasetStatistics statistics, @Nullable String environment);
}
