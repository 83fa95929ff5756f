package io.tributary.transforms;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.DatasetStatisticsCoder;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnCoder;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Registers the artifact coders with every pipeline's coder registry (found by Java's {@code
 * ServiceLoader}), so {@code Create.of(statistics)}, {@code View.asSingleton()} of a schema and a
 * user's own {@code MapElements} into these types need no {@code setCoder}. Each artifact crosses
 * workers as its versioned JSON, never by Java serialisation, which Beam would otherwise pick for
 * these {@code Serializable} classes.
 *
 * <p>A type matches its artifact class and its subclasses (the AutoValue classes that
 * {@code Create.of} sees).
 */
public final class ArtifactCoderRegistrar implements CoderProviderRegistrar {

  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(
        provider(DatasetSchema.class, SchemaJson.coder()),
        provider(DatasetStatistics.class, DatasetStatisticsCoder.of()),
        provider(Anomalies.class, AnomaliesJson.coder()),
        provider(TransformFn.class, TransformFnCoder.of()));
  }

  private static <A> CoderProvider provider(Class<A> artifact, Coder<A> coder) {
    return new CoderProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
          throws CannotProvideCoderException {
        if (!artifact.isAssignableFrom(type.getRawType())) {
          throw new CannotProvideCoderException(type + " is not a " + artifact.getSimpleName());
        }
        return (Coder<T>) coder;
      }
    };
  }
}
