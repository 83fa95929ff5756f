package io.tributary.jobs.init;

import io.tributary.transforms.model.Task;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of the files init writes, from its decisions: {@code pipeline.yaml}, {@code
 * transform.yaml}, {@code trainer.yaml}, {@code tune.yaml} and {@code evaluation.yaml}. Written as
 * commented YAML a person can edit, with keys that {@code tributary run} reads today;
 * {@link InitJob} reads every file back with those readers before publishing.
 *
 * <p>Choices: the data is split {@code train:3,eval:1,test:1}; the Tuner picks hyper-parameters on
 * eval and the Evaluator judges on test, so the blessing is not biased by the selection. The model
 * is XGBoost (non-linear, indifferent to the scale of a regression label, quick on a few thousand
 * rows), tuned over a grid of 4 (tree depth and learning rate). Blessing needs a classifier to
 * beat always answering the most frequent class of the sample, and a regressor to beat the mean
 * (R² above 0); later runs must also not be worse than the latest blessed model.
 *
 * @param pipeline the pipeline name
 * @param input the input file as pipeline.yaml names it (relative to the folder, or absolute)
 * @param inputShown the input as the user gave it, for comments
 * @param label the label field
 * @param task the task
 * @param columns every column's decision, in schema order
 * @param majorityClass the most frequent class in the sample (classification), else null
 * @param majorityShare its share of the labelled rows (classification), else 0
 * @param classes distinct label values in the sample
 */
public record StarterFiles(
    String pipeline, String input, String inputShown, String label, Task task, List<ColumnDecision> columns,
    String majorityClass, double majorityShare, long classes) {

  /** A category level must be seen this often in the train split to get its own one-hot slot. */
  public static final int MIN_LEVEL_COUNT = 5;
  /** At most this many levels of a category get their own slot; the rest share one. */
  public static final int MAX_LEVELS = 50;

  private static final Pattern YAML_WORD =
      Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~|[-+.0-9].*");

  /** File name to text, in the order they are written. */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pipeline.yaml", pipelineYaml());
    files.put("transform.yaml", transformYaml());
    files.put("trainer.yaml", trainerYaml());
    files.put("tune.yaml", tuneYaml());
    files.put("evaluation.yaml", evaluationYaml());
    return files;
  }

  String pipelineYaml() {
    return """
        # Written by `tributary init` for %1$s. Run it with
        #   ./tributary run pipeline.yaml        (from this folder; or give its path)
        # Artifacts go to <home>/pipelines/%2$s/ (home: $TRIBUTARY_HOME or ~/.tributary).
        pipeline: %2$s
        components:
          ExampleGen:
            parameters:
              input: %3$s
              splitRatios: train:3,eval:1,test:1   # the Tuner chooses on eval, the Evaluator judges on test
          StatisticsGen:
            inputs:
              examples: ExampleGen.examples
          SchemaGen:
            inputs:
              statistics: StatisticsGen.statistics
            parameters:
              label: %4$s
          ExampleValidator:                 # anomalies at or above failOn stop the run here
            inputs:
              statistics: StatisticsGen.statistics
              schema: SchemaGen.schema
              baseline_statistics: previousSpan(StatisticsGen.statistics)
            parameters:
              failOn: error
          Transform:
            inputs:
              examples: ExampleGen.examples
            parameters:
              spec: transform.yaml
          Tuner:
            inputs:
              examples: ExampleGen.examples
              transform_graph: Transform.transform_graph
            parameters:
              config: tune.yaml
          Trainer:
            inputs:
              examples: ExampleGen.examples
              transform_graph: Transform.transform_graph
              hyperparameters: Tuner.best_hyperparameters
            parameters:
              config: trainer.yaml
          Evaluator:
            inputs:
              examples: ExampleGen.examples
              model: Trainer.model
              transform_graph: Transform.transform_graph
              baseline_model: latestBlessedModel()
            parameters:
              config: evaluation.yaml
              evalSplit: test
          InfraValidator:
            inputs:
              model: Trainer.model
              examples: ExampleGen.examples
              transform_graph: Transform.transform_graph
            parameters:
              timeoutSeconds: 300             # the canary JVM's start can be slow on a busy machine
          Pusher:                           # only a BLESSED and INFRA_BLESSED model
            inputs:
              model: Trainer.model
              blessing: Evaluator.blessing
              infra_blessing: InfraValidator.infra_blessing
              transform_graph: Transform.transform_graph
            parameters:
              modelName: %2$s
        """.formatted(inputShown, pipeline, yamlText(input), yamlName(label));
  }

  String transformYaml() {
    StringBuilder out = new StringBuilder();
    out.append("# Transform spec written by `tributary init` for ").append(inputShown).append(".\n")
        .append("# Format: beam-transforms/docs/transform-format.md. Every column is a feature, passed through or\n")
        .append("# dropped; init's reason is beside each. Move a column between them to overrule it.\n");
    Set<String> names = new HashSet<>();
    names.add(label);
    boolean any = false;
    for (ColumnDecision column : columns) {
      if (!column.role().isFeature()) {
        continue;
      }
      if (!any) {
        out.append("features:\n");
        any = true;
      }
      String suffix = column.role() == ColumnRole.NUMERIC ? "_z" : "_onehot";
      String feature = unique(column.column() + suffix, names);
      out.append("  - name: ").append(yamlName(feature)).append("    # ").append(column.reason()).append('\n')
          .append("    inputs: [").append(yamlName(column.column())).append("]\n")
          .append("    steps: ").append(column.role() == ColumnRole.NUMERIC
              ? "[{op: impute, strategy: mean}, {op: zScore}]"
              : "[{op: vocabulary, topK: " + MAX_LEVELS + ", frequencyThreshold: " + MIN_LEVEL_COUNT
                  + ", oovBuckets: 1}, {op: oneHot}]")
          .append('\n');
    }
    out.append("passThrough: [").append(yamlName(label)).append("]    # the label, unchanged\n");
    List<ColumnDecision> dropped =
        columns.stream().filter(c -> !c.role().isFeature() && c.role() != ColumnRole.LABEL).toList();
    if (!dropped.isEmpty()) {
      out.append("drop:\n");
      dropped.forEach(c -> out.append("  - ").append(yamlName(c.column())).append("    # ")
          .append(c.role().label()).append(": ").append(c.reason()).append('\n'));
    }
    return out.toString();
  }

  String trainerYaml() {
    return """
        # Trainer config written by `tributary init`. Format: beam-transforms/docs/model-format.md.
        # The Tuner's best maxDepth and eta are laid over these values.
        %s""".formatted(modelSection());
  }

  String tuneYaml() {
    return """
        # Tune config written by `tributary init`: a grid of 4 trials, each scored on the eval split.
        # Format: pipeline-jobs/docs/deploy.md. The Trainer takes the best values.
        %s
        search:
          strategy: grid
          metric: %s
          parameters:
            maxDepth: [3, 6]
            eta: [0.1, 0.3]
        """.formatted(modelSection().strip(), task == Task.CLASSIFICATION ? "macroF1" : "rmse");
  }

  private String modelSection() {
    return """
        label: %s
        task: %s
        algorithm: xgboost
        hyperParameters: {numTrees: 100}
        seed: 0
        """.formatted(yamlName(label), task.name().toLowerCase(Locale.ROOT));
  }

  String evaluationYaml() {
    String header = "# Evaluation config written by `tributary init`. Format: pipeline-jobs/docs/evaluator.md.\n";
    if (task == Task.CLASSIFICATION) {
      double bound = Math.min(1.0, Math.ceil((majorityShare + 0.005) * 100) / 100);
      return header + String.format(Locale.ROOT, """
          thresholds:
            # better than always answering '%s', the most frequent class (%.1f%% of the rows sampled)
            - {metric: accuracy, lowerBound: %.2f}
            # and not worse than the latest blessed model (skipped on the first run)
            - metric: accuracy
              change: {direction: higher_is_better, absolute: -0.01}
          """, majorityClass.replace("'", ""), majorityShare * 100, bound);
    }
    return header + """
        thresholds:
          # better than predicting the mean for every row
          - {metric: r2, lowerBound: 0.01}
          # and an RMSE at most 10% above the latest blessed model's (skipped on the first run)
          - {metric: rmse, change: {relative: 0.1}}
        """;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }

  /** A field name as YAML reads it back as that string: quoted if YAML would read a boolean, null or number. */
  static String yamlName(String name) {
    return YAML_WORD.matcher(name).matches() ? "\"" + name + "\"" : name;
  }

  /** Any text as a double-quoted YAML scalar. */
  private static String yamlText(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
