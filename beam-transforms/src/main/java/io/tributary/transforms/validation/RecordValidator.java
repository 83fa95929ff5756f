package io.tributary.transforms.validation;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.validation.RecordProblem.Kind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks single records against a {@link DatasetSchema}: the same rules as {@link ExampleValidator}
 * applied to one value at a time, usable in a {@code DoFn} ({@link Validate}) and in a plain-Java
 * serving call.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.of(schema, rowSchema, DatasetSchema.SERVING);
 * List<String> reasons = validator.reasons(row);   // empty when the row is valid
 * List<RecordProblem> problems = validator.problems(row);   // the same, with a kind to count by
 * }</pre>
 *
 * <p>Per feature expected in the environment: a required feature must have a value; a STRING value
 * must be in the domain (a value differing only in case is pointed out); a numeric value must not
 * be NaN unless allowed and must lie in the range. A numeric feature held in a STRING column (as
 * when a reader saw text in it) must hold numbers written as text, which are then checked as
 * numbers. Each reason reads {@code "<feature>: <problem>"}.
 */
public final class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<FieldRules> fields;

  private RecordValidator(List<FieldRules> fields) {
    this.fields = fields;
  }

  /**
   * A validator of rows of {@code rowSchema}; {@code environment} may be null.
   *
   * @throws IllegalArgumentException before any record is read, if a required feature has no
   *     column or a column's type cannot hold the feature's values
   */
  public static RecordValidator of(DatasetSchema schema, Schema rowSchema, @Nullable String environment) {
    List<FieldRules> fields = new ArrayList<>();
    for (FeatureSchema feature : schema.features()) {
      if (!feature.isIn(environment)) {
        continue;
      }
      if (!rowSchema.hasField(feature.name())) {
        if (feature.isRequired()) {
          throw new IllegalArgumentException(
              "the input has no column '" + feature.name() + "', which the schema requires"
                  + (environment == null ? "" : " in " + environment)
                  + "; add the column, or mark the feature absent from this environment in the schema");
        }
        continue;
      }
      FeatureType column = FeatureType.of(rowSchema.getField(feature.name()).getType());
      boolean numbersAsText = feature.type().isNumeric() && column == FeatureType.STRING;
      if (!TypeCheck.compatible(feature.type(), column) && !numbersAsText) {
        throw new IllegalArgumentException(
            "column '" + feature.name() + "' is " + column + " but the schema says " + feature.type()
                + "; fix the schema or convert the column");
      }
      fields.add(new FieldRules(rowSchema.indexOf(feature.name()), feature, numbersAsText));
    }
    return new RecordValidator(fields);
  }

  /** Why {@code row} breaks the schema, as {@code "<feature>: <problem>"}; empty when it does not. */
  public List<String> reasons(Row row) {
    List<String> reasons = new ArrayList<>();
    problems(row).forEach(problem -> reasons.add(problem.reason()));
    return reasons;
  }

  /** The problem of each failing feature of {@code row}, in schema order; empty when it is valid. */
  public List<RecordProblem> problems(Row row) {
    List<RecordProblem> problems = new ArrayList<>();
    for (FieldRules field : fields) {
      RecordProblem problem = field.problem(row.getValue(field.index));
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /** The rules of one column. */
  private static final class FieldRules implements Serializable {
    private static final long serialVersionUID = 1L;

    final int index;
    final FeatureSchema feature;
    final boolean numbersAsText;
    final @Nullable Set<String> domain;

    FieldRules(int index, FeatureSchema feature, boolean numbersAsText) {
      this.index = index;
      this.feature = feature;
      this.numbersAsText = numbersAsText;
      this.domain = feature.domain() == null ? null : new HashSet<>(feature.domain());
    }

    @Nullable RecordProblem problem(@Nullable Object value) {
      if (value == null) {
        return feature.isRequired() ? problem(Kind.MISSING, "missing, but the schema requires a value") : null;
      }
      if (feature.type().isNumeric()) {
        if (numbersAsText && !NumberText.isNumber((String) value)) {
          return problem(Kind.NOT_A_NUMBER, "'" + value + "' is not a number (the schema says " + feature.type() + ")");
        }
        double number = numbersAsText ? Double.parseDouble((String) value) : ((Number) value).doubleValue();
        return numberProblem(number);
      }
      if (domain != null && !domain.contains((String) value)) {
        return problem(Kind.NOT_IN_DOMAIN,
            Text.quoted((String) value, feature.domain()) + " is not in the domain " + Text.list(feature.domain()));
      }
      return null;
    }

    private @Nullable RecordProblem numberProblem(double number) {
      if (Double.isNaN(number)) {
        return feature.nanAllowed() ? null : problem(Kind.NAN, "NaN, which the schema does not allow");
      }
      if (number < feature.min() || number > feature.max()) {
        return problem(Kind.OUT_OF_RANGE, Text.number(number) + " is outside the range [" + Text.number(feature.min())
            + ", " + Text.number(feature.max()) + "]");
      }
      return null;
    }

    private RecordProblem problem(Kind kind, String message) {
      return new RecordProblem(feature.name(), kind, message);
    }
  }
}
