package io.tributary.transforms.schema;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of a dataset: its features ({@link FeatureSchema}), the environments it is used in
 * and the allowed number of examples per split. Inferred by {@link SchemaGen}, stored as {@code
 * schema.json} by {@link SchemaJson}, edited by hand where the inference guessed wrong.
 *
 * <pre>{@code
 * DatasetSchema schema = SchemaJson.read(Path.of("schema.json"));
 * FeatureSchema mass = schema.feature("body_mass_g").orElseThrow();
 * DatasetSchema bounded = schema.toBuilder().setMinExamples(100).build();
 * }</pre>
 *
 * <p>Environments follow TFX: every feature is expected in every environment listed in {@link
 * #environments()} except those in its {@link FeatureSchema#notInEnvironments()}, so the label can
 * be absent in {@value #SERVING}.
 */
@AutoValue
public abstract class DatasetSchema implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The version of the JSON format written by {@link SchemaJson}: 2 added the features' {@code
   * minDomainMass} and {@code minRangeMass}; version 1 files are still read (both masses 1).
   */
  public static final int FORMAT_VERSION = 2;

  /** The environment of training data. */
  public static final String TRAINING = "TRAINING";

  /** The environment of serving data (typically without the label). */
  public static final String SERVING = "SERVING";

  /** The features, in the order of the statistics they were inferred from. */
  public abstract List<FeatureSchema> features();

  /** The environments the features may be marked absent from. */
  public abstract List<String> environments();

  /** The smallest allowed number of examples in a split (0: no bound). */
  public abstract long minExamples();

  /** The largest allowed number of examples in a split ({@code Long.MAX_VALUE}: no bound). */
  public abstract long maxExamples();

  /** The named feature, if the schema has it. */
  public Optional<FeatureSchema> feature(String name) {
    return features().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public abstract Builder toBuilder();

  /** A builder with no features, environments TRAINING and SERVING, and no example bounds. */
  public static Builder builder() {
    return new AutoValue_DatasetSchema.Builder()
        .setFeatures(List.of())
        .setEnvironments(List.of(TRAINING, SERVING))
        .setMinExamples(0)
        .setMaxExamples(Long.MAX_VALUE);
  }

  /** Builder; {@link #build()} checks that the settings fit together. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setFeatures(List<FeatureSchema> features);

    public abstract Builder setEnvironments(List<String> environments);

    public abstract Builder setMinExamples(long min);

    public abstract Builder setMaxExamples(long max);

    abstract DatasetSchema autoBuild();

    /**
     * Builds the schema.
     *
     * @throws IllegalArgumentException naming what to fix: a feature named twice, an environment a
     *     feature names but the schema does not list, or example bounds with min above max
     */
    public DatasetSchema build() {
      DatasetSchema schema = autoBuild();
      Set<String> names = new HashSet<>();
      Set<String> environments = Set.copyOf(schema.environments());
      for (FeatureSchema feature : schema.features()) {
        if (!names.add(feature.name())) {
          throw new IllegalArgumentException("feature '" + feature.name() + "' is listed twice; list each feature once");
        }
        for (String environment : feature.notInEnvironments()) {
          if (!environments.contains(environment)) {
            throw new IllegalArgumentException(
                "feature '" + feature.name() + "' names environment '" + environment
                    + "', which is not in environments " + schema.environments() + "; add it there");
          }
        }
      }
      if (schema.minExamples() < 0 || schema.minExamples() > schema.maxExamples()) {
        throw new IllegalArgumentException(
            "example bounds [" + schema.minExamples() + ", " + schema.maxExamples()
                + "] are empty; make 0 <= minExamples <= maxExamples");
      }
      setFeatures(List.copyOf(schema.features()));
      setEnvironments(List.copyOf(schema.environments()));
      return autoBuild();
    }
  }
}
