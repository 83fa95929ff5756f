package io.tributary.transforms.train;

import io.tributary.transforms.model.FeatureVector;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.model.TrainingProvenance;
import io.tributary.transforms.model.TransformReference;
import io.tributary.transforms.transform.FeatureSpec;
import io.tributary.transforms.transform.TransformFn;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Trains a Tribuo model on transformed examples: rows produced by a fitted {@link TransformFn}
 * (its {@link TransformFn#apply(Row)}), never on features computed another way.
 *
 * <pre>{@code
 * TransformFn fn = TransformFnFiles.read(transformDir);
 * List<Row> train = rawTrain.stream().map(fn::apply).toList();
 * SavedModel model = Trainer.of(TrainerConfig.builder("species").build()).train(fn, transformDir, train);
 * ModelFolder.write(model, outputDir);
 * Evaluation eval = Evaluation.of(model, rawEval.stream().map(fn::apply).toList());
 * }</pre>
 *
 * <p>Checks before training, each failing with a message naming the fix: the label is a column of
 * the transformed rows (pass it through), the task is known, the algorithm does the task, every
 * feature is a numeric or one-hot column. A training row with a missing feature value fails (impute
 * it in the spec); rows with a missing label are skipped and counted.
 *
 * <p><b>Imbalanced classes.</b> {@code classWeights} weigh each training row by its class (see
 * {@link ClassWeights}); {@code decisionThreshold} makes a binary model predict its positive class
 * from that probability on, everywhere it scores (recorded in {@code model.json}). See {@link
 * Decision} for what is checked.
 *
 * <p><b>Deterministic.</b> Rows are sorted by content before training and every trainer is
 * seeded (XGBoost on one thread), so the same rows, config and seed give the same model in any
 * row order. The protobuf bytes still differ in the training time Tribuo records.
 */
public final class Trainer {

  private final TrainerConfig config;

  private Trainer(TrainerConfig config) {
    this.config = config;
  }

  public static Trainer of(TrainerConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("Trainer.of(null): build a TrainerConfig or read one with fromYaml()");
    }
    return new Trainer(config);
  }

  /**
   * Trains on {@code transformed} (rows of {@code fn.outputSchema()}).
   *
   * @param transformPath the folder {@code fn} was read from, recorded in {@code model.json}
   *     (null when unknown: then scoring needs the transform given explicitly)
   */
  public SavedModel train(TransformFn fn, String transformPath, Iterable<Row> transformed) {
    String labelField = fn.columnNames().field(config.label());
    if (labelField != null && !labelField.equals(config.label()) && fn.spec().passThrough().contains(labelField)) {
      // The config names the label as the user knows it (e.g. "Body Mass (g)"): train on its field.
      return new Trainer(config.withLabel(labelField)).train(fn, transformPath, transformed);
    }
    Schema schema = fn.outputSchema();
    Task task = task(schema);
    List<String> features = features(fn);
    FeatureVector.check(schema, features);
    Algorithm algorithm = config.algorithmFor(task);
    Map<String, Number> hyperParameters = algorithm.resolve(config.hyperParameters());
    long seed = config.seed();
    if (task == Task.CLASSIFICATION) {
      LabelledExamples<Label> examples = LabelledExamples.classification(config.label(), features, transformed);
      requireExamples(examples);
      Decision decision = Decision.of(config, examples.dataset());
      org.tribuo.Trainer<Label> trainer = TribuoTrainers.classifier(algorithm, hyperParameters, seed);
      decision.weigh(trainer, algorithm, examples.dataset());
      Model<Label> model = trainer.train(examples.dataset());
      decision.checkProbabilities(model, algorithm);
      List<String> classes = model.getOutputIDInfo().getDomain().stream().map(Label::getLabel).sorted().toList();
      return describe(model, classes, task, features, fn, transformPath, algorithm, hyperParameters, decision);
    }
    if (config.hasDecisionSettings()) {
      throw new IllegalArgumentException(
          "classWeights, positiveClass and decisionThreshold are for classification, but label '" + config.label()
              + "' is a regression label: remove them");
    }
    LabelledExamples<Regressor> examples = LabelledExamples.regression(config.label(), features, transformed);
    requireExamples(examples);
    Model<Regressor> model = TribuoTrainers.regressor(algorithm, hyperParameters, seed).train(examples.dataset());
    return describe(
        model, List.of(config.label()), task, features, fn, transformPath, algorithm, hyperParameters, Decision.NONE);
  }

  private Task task(Schema schema) {
    if (!schema.hasField(config.label())) {
      throw new IllegalArgumentException(
          "label '" + config.label() + "' is not a column of the transformed rows " + schema.getFieldNames()
              + ": add it to the transform spec's passThrough");
    }
    return config.taskOf(schema);
  }

  private List<String> features(TransformFn fn) {
    if (config.features() != null) {
      return config.features();
    }
    List<String> features = fn.spec().features().stream().map(FeatureSpec::name).toList();
    if (features.contains(config.label())) {
      throw new IllegalArgumentException(
          "label '" + config.label() + "' is a transformed feature: pass it through unchanged, or list the features");
    }
    return features;
  }

  private static void requireExamples(LabelledExamples<?> examples) {
    if (examples.dataset().size() == 0) {
      throw new IllegalArgumentException(
          "no training rows with a label (" + examples.unlabelled() + " without): check the examples and the label column");
    }
  }

  private <T extends Output<T>> SavedModel describe(
      Model<T> model,
      List<String> outputs,
      Task task,
      List<String> features,
      TransformFn fn,
      String transformPath,
      Algorithm algorithm,
      Map<String, Number> hyperParameters,
      Decision decision) {
    ModelDescriptor descriptor =
        new ModelDescriptor(
            ModelDescriptor.formatVersionFor(decision.weights(), decision.threshold()),
            task,
            config.label(),
            features,
            TransformReference.of(fn, transformPath),
            algorithm.id(),
            hyperParameters,
            config.seed(),
            ModelFolder.sha256(ModelFolder.modelBytes(model)),
            TrainingProvenance.of(model, outputs),
            decision.weights(),
            decision.positiveClass(),
            decision.threshold());
    return new SavedModel(descriptor, model);
  }
}
