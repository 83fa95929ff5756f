package io.tributary.transforms.train;

import io.tributary.transforms.model.FeatureVector;
import io.tributary.transforms.model.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Transformed rows as a Tribuo dataset, for training and evaluation. Rows are put in a canonical
 * order first (by their contents), so a dataset does not depend on the order files or runners
 * delivered the rows in: that is what makes training deterministic. Rows without a label are
 * left out and counted.
 *
 * @param dataset the labelled examples
 * @param unlabelled rows left out because their label was missing
 */
record LabelledExamples<T extends Output<T>>(MutableDataset<T> dataset, long unlabelled) {

  static LabelledExamples<Label> classification(String label, List<String> features, Iterable<Row> rows) {
    return build(new LabelFactory(), value -> new Label(String.valueOf(value)), label, features, rows);
  }

  static LabelledExamples<Regressor> regression(String label, List<String> features, Iterable<Row> rows) {
    return build(
        new RegressionFactory(), value -> new Regressor(label, regressionValue(label, value)), label, features, rows);
  }

  /** The task of a label column's type, when the type decides it; null for integer labels. */
  static Task taskOf(TypeName type) {
    return switch (type) {
      case STRING, BOOLEAN -> Task.CLASSIFICATION;
      case FLOAT, DOUBLE, DECIMAL -> Task.REGRESSION;
      default -> null;
    };
  }

  private static <T extends Output<T>> LabelledExamples<T> build(
      OutputFactory<T> factory,
      Function<Object, T> output,
      String label,
      List<String> features,
      Iterable<Row> rows) {
    List<Row> ordered = new ArrayList<>();
    rows.forEach(ordered::add);
    ordered.sort(Comparator.comparing(Row::toString));
    MutableDataset<T> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance("transformed examples, label " + label, factory), factory);
    long unlabelled = 0;
    for (Row row : ordered) {
      Object value = row.getValue(label);
      if (value == null) {
        unlabelled++;
        continue;
      }
      try {
        dataset.add(FeatureVector.example(output.apply(value), features, row::getValue));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot train on " + row + ": " + e.getMessage(), e);
      }
    }
    return new LabelledExamples<>(dataset, unlabelled);
  }

  private static double regressionValue(String label, Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("label '" + label + "' value '" + value + "' is not a number: regression needs numbers");
  }
}
