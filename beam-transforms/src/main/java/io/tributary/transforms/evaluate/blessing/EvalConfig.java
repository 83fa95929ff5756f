package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.transform.Bounds;
import io.tributary.transforms.transform.SpecMappers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Evaluator computes and how it blesses: the label column, the slices, and the
 * thresholds. Built in Java or read from JSON/YAML (the same fields; format:
 * {@code pipeline-jobs/docs/evaluator.md}).
 *
 * <pre>{@code
 * EvalConfig config = EvalConfig.builder()
 *     .label("species")
 *     .slice(Slice.by("island"))
 *     .slice(Slice.cross("island", "sex"))
 *     .threshold(Threshold.atLeast("accuracy", 0.9))
 *     .threshold(Threshold.change("accuracy", ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, -0.01)))
 *     .build();
 * EvalConfig same = EvalConfig.fromYaml("""
 *     label: species
 *     slices: [island, [island, sex]]
 *     thresholds:
 *       - {metric: accuracy, lowerBound: 0.9}
 *       - {metric: accuracy, change: {direction: higher_is_better, absolute: -0.01}}
 *     """);
 * }</pre>
 *
 * <ul>
 *   <li>{@code label}: the label column of the examples; default the model's label.
 *   <li>{@code slices}: kinds of slice besides the overall one, which is always computed first.
 *   <li>{@code thresholds}: see {@link Threshold}; a threshold's {@code slice} must name the
 *       columns of one of the slices.
 *   <li>{@code naiveBaseline}: on by default: the model must beat a naive one (the majority
 *       class, or the mean) and predict every class; see {@link NaiveBaseline} and {@link
 *       NaiveBaselineCheck} ({@code naiveBaseline: false} turns it off).
 * </ul>
 *
 * <p>Unknown fields, a slice listed twice and thresholds on slices that are not computed are
 * errors naming the fix, raised when the config is built or read; {@link #checkMetrics} checks the
 * metric names once the model's task is known.
 */
@JsonPropertyOrder({"label", "slices", "thresholds", "naiveBaseline"})
public record EvalConfig(String label, List<Slice> slices, List<Threshold> thresholds, NaiveBaselineCheck naiveBaseline) {

  /** A config with the default naive-baseline check. */
  public EvalConfig(String label, List<Slice> slices, List<Threshold> thresholds) {
    this(label, slices, thresholds, null);
  }

  /** The most kinds of slice besides the overall one: each computes every metric per value of its columns. */
  public static final int MAX_SLICES = 100;

  public EvalConfig {
    naiveBaseline = naiveBaseline == null ? NaiveBaselineCheck.DEFAULT : naiveBaseline;
    if (label != null && label.isBlank()) {
      throw new IllegalArgumentException("'label' is empty: name the label column, or leave it out to use the model's");
    }
    List<Slice> all = new ArrayList<>();
    all.add(Slice.overall());
    for (Slice slice : slices == null ? List.<Slice>of() : slices) {
      if (slice == null) {
        throw new IllegalArgumentException("'slices' has an empty item: list column names or [column, column]");
      }
      if (slice.isOverall()) {
        continue;
      }
      if (all.contains(slice)) {
        throw new IllegalArgumentException("slice " + slice.columns() + " is listed twice in 'slices': list it once");
      }
      all.add(slice);
    }
    Bounds.atMost("'slices'", all.size() - 1, MAX_SLICES,
        "each kind of slice computes every metric once per value of its columns");
    slices = List.copyOf(all);
    thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    Set<Set<String>> computed = new HashSet<>();
    slices.forEach(slice -> computed.add(Set.copyOf(slice.columns())));
    for (Threshold threshold : thresholds) {
      if (!computed.contains(Set.copyOf(threshold.slice().keySet()))) {
        throw new IllegalArgumentException(
            "the threshold on " + threshold.metric() + " is for slice " + threshold.sliceText()
                + ", which is not computed: add " + threshold.sliceColumns() + " to 'slices'");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static EvalConfig fromJson(String json) {
    return SpecMappers.read(SpecMappers.JSON, json, EvalConfig.class, "evaluation config");
  }

  public static EvalConfig fromYaml(String yaml) {
    return SpecMappers.read(SpecMappers.YAML, yaml, EvalConfig.class, "evaluation config");
  }

  public String toJson() {
    return SpecMappers.write(SpecMappers.JSON, this);
  }

  /**
   * This config with every column it names (label, slices, threshold slices) given as its field
   * name, so the file may name columns as the user knows them ({@code Body Mass (g)}) or by field
   * name ({@code Body_Mass__g_}). Fails naming the column and listing the columns when one is unknown.
   */
  public EvalConfig resolve(ColumnNames names) {
    List<Slice> resolvedSlices = new ArrayList<>();
    for (Slice slice : slices) {
      resolvedSlices.add(new Slice(names.requireAll(slice.columns(), "slice " + slice.columns())));
    }
    List<Threshold> resolvedThresholds = new ArrayList<>();
    for (Threshold threshold : thresholds) {
      Map<String, String> slice = new LinkedHashMap<>();
      threshold.slice().forEach(
          (column, value) -> slice.put(names.require(column, "the threshold on " + threshold.metric()), value));
      resolvedThresholds.add(threshold.onSlice(slice));
    }
    return new EvalConfig(label == null ? null : names.require(label, "'label'"), resolvedSlices, resolvedThresholds);
  }

  /** The label column: the configured one, else {@code modelLabel}. */
  public String labelOr(String modelLabel) {
    return label != null ? label : modelLabel;
  }

  /**
   * Fails unless every threshold names a metric of {@code task} ({@link MetricNames}); every
   * name is already known to be some task's metric once the config is read. The naive-baseline
   * metric must be one of the task's too.
   */
  public void checkMetrics(Task task) {
    naiveBaseline.check(task);
    thresholds.forEach(threshold -> MetricNames.check(threshold.metric(), task));
  }

  /** Builds a config; {@link #build()} runs the same checks as reading one. */
  public static final class Builder {
    private String label;
    private final List<Slice> slices = new ArrayList<>();
    private final List<Threshold> thresholds = new ArrayList<>();
    private NaiveBaselineCheck naiveBaseline;

    private Builder() {}

    public Builder label(String column) {
      this.label = column;
      return this;
    }

    public Builder slice(Slice slice) {
      slices.add(slice);
      return this;
    }

    public Builder threshold(Threshold threshold) {
      thresholds.add(threshold);
      return this;
    }

    /** Replaces the default naive-baseline check (on, on macroRecall or rmse). */
    public Builder naiveBaseline(NaiveBaselineCheck check) {
      this.naiveBaseline = check;
      return this;
    }

    public EvalConfig build() {
      return new EvalConfig(label, slices, thresholds, naiveBaseline);
    }
  }
}
