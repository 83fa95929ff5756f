package io.tributary.transforms.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns transformed columns into a Tribuo example, the one way training and scoring both use.
 *
 * <p>A number (or boolean, as 0/1) column is one Tribuo feature named like the column; an array
 * column (one-hot) is one feature per position, {@code name[i]}. Strings are not features: the
 * transform turns them into indexes or one-hot vectors first. A missing value (null, NaN) is an
 * error, not a silent 0: impute the column in the transform spec.
 *
 * <pre>{@code
 * FeatureVector.check(fn.outputSchema(), descriptor.features());   // at construction time
 * ArrayExample<Label> example = FeatureVector.example(LabelFactory.UNKNOWN_LABEL, features, row::getValue);
 * }</pre>
 */
public final class FeatureVector {

  /** Per array feature, the names of its positions; feature names are few (a model's columns). */
  private static final Map<String, String[]> POSITION_NAMES = new ConcurrentHashMap<>();

  private FeatureVector() {}

  /** Fails, naming the column and the fix, unless every feature is a numeric or numeric-array column. */
  public static void check(Schema transformed, List<String> features) {
    for (String feature : features) {
      if (!transformed.hasField(feature)) {
        throw new IllegalArgumentException(
            "feature '" + feature + "' is not a transformed column; the transform outputs " + transformed.getFieldNames());
      }
      FieldType type = transformed.getField(feature).getType();
      FieldType element = type.getTypeName().isCollectionType() ? type.getCollectionElementType() : type;
      if (!isNumber(element.getTypeName())) {
        throw new IllegalArgumentException(
            "feature '" + feature + "' is " + type.getTypeName() + ", but models read numbers: give it a vocabulary"
                + " (and oneHot) or hash step in the transform spec, or leave it out of the features");
      }
    }
  }

  /**
   * The example of one transformed record.
   *
   * @param output the label to train on, or the factory's unknown output when scoring
   * @param features the feature columns, as checked by {@link #check}
   * @param column the value of a transformed column by name ({@code row::getValue}, {@code map::get})
   * @throws IllegalArgumentException when a feature value is missing or not a number
   */
  public static <T extends Output<T>> ArrayExample<T> example(
      T output, List<String> features, Function<String, Object> column) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (String feature : features) {
      Object value = column.apply(feature);
      if (value instanceof Iterable<?> array) {
        int i = 0;
        for (Object item : array) {
          names.add(positionName(feature, i++));
          values.add(number(feature, item));
        }
      } else {
        names.add(feature);
        values.add(number(feature, value));
      }
    }
    double[] numbers = new double[values.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = values.get(i);
    }
    return new ArrayExample<>(output, names.toArray(String[]::new), numbers);
  }

  /**
   * {@code feature[i]}, the same String object every time: Tribuo looks every feature name up in
   * a hash map, and a String built per row would have its hash computed again for every row.
   */
  private static String positionName(String feature, int i) {
    String[] names = POSITION_NAMES.get(feature);
    if (names == null || i >= names.length) {
      names = POSITION_NAMES.compute(feature, (f, known) -> {
        int size = Math.max(i + 1, known == null ? 8 : known.length * 2);
        String[] grown = new String[size];
        for (int p = 0; p < size; p++) {
          grown[p] = known != null && p < known.length ? known[p] : f + "[" + p + "]";
        }
        return grown;
      });
    }
    return names[i];
  }

  private static double number(String feature, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof Boolean b) {
      number = b ? 1.0 : 0.0;
    } else if (value == null) {
      throw new IllegalArgumentException("feature '" + feature + "' is missing: impute it in the transform spec");
    } else {
      throw new IllegalArgumentException(
          "feature '" + feature + "' is " + value.getClass().getSimpleName() + " '" + value + "', not a number");
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new IllegalArgumentException("feature '" + feature + "' is " + number + ": impute or clip it in the transform spec");
    }
    return number;
  }

  private static boolean isNumber(TypeName type) {
    return type.isNumericType() || type == TypeName.BOOLEAN;
  }
}
