package io.tributary.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.train.ModelArtifact;
import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary evaluate} on a loan-default-like CSV with 3% positives: a model that predicts
 * "no" for every row clears {@code accuracy >= 0.9} but is NOT_BLESSED, with the reasons in
 * NOT_BLESSED and evaluation.html; a model trained with balanced class weights is blessed on
 * ROC AUC and macro recall.
 */
class ImbalancedEvaluateJobTest {

  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private static final String SPEC =
      """
      features:
        - {name: income_z, inputs: [income], steps: [{op: zScore}]}
        - {name: debt_z, inputs: [debt], steps: [{op: zScore}]}
      passThrough: [defaulted]
      """;

  @TempDir static Path dir;
  private static Path examples;
  private static Path transform;

  /** 3,000 seeded rows, 3% "yes"; each measurement is normal, shifted by 1.5 for "yes". */
  @BeforeAll
  static void examplesAndTransform() throws IOException {
    SplittableRandom random = new SplittableRandom(15);
    StringBuilder csv = new StringBuilder("income,debt,defaulted\n");
    for (int i = 0; i < 3000; i++) {
      boolean yes = random.nextDouble() < 0.03;
      double shift = yes ? 1.5 : 0;
      csv.append(shift + gaussian(random)).append(',').append(shift + gaussian(random)).append(',')
          .append(yes ? "yes" : "no").append('\n');
    }
    Path file = dir.resolve("loans.csv");
    Files.writeString(file, csv);
    examples = dir.resolve("examples");
    new ExampleGenJob(JobArguments.parse(
        new String[] {"--input=" + file, "--output=" + examples, "--splitRatios=train:3,eval:1,test:1"},
        ExampleGenOptions.class), QUIET).run();
    List<Row> train = ExampleFiles.read(examples.resolve("Split-train"));
    transform = dir.resolve("transform");
    TransformFnFiles.write(TransformFn.fit(TransformSpec.fromYaml(SPEC), train.get(0).getSchema(), train), transform.toString());
  }

  @Test
  void aMajorityClassModelIsNotBlessedAndSaysWhy() throws IOException {
    Path model = train("majority", "label: defaulted\nalgorithm: cart\nhyperParameters: {minChildWeight: 1.0e9}\n");
    Path out = dir.resolve("evaluation-majority");
    MetricsFile metrics = evaluate(model, out, "thresholds: [{metric: accuracy, lowerBound: 0.9}]\n");

    double accuracy = metrics.candidate().slices().get(0).classification().accuracy();
    assertTrue(accuracy >= 0.9, "it clears the accuracy bar: " + accuracy);
    assertFalse(metrics.blessing().blessed());
    List<String> reasons = Files.readAllLines(out.resolve(BlessingFolder.NOT_BLESSED));
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("macroRecall on Overall is 0.5, no better than the naive baseline's 0.5"
        + " (always predicting 'no'"), reasons.get(0));
    assertTrue(reasons.get(1).startsWith("the model never predicts class 'yes'"), reasons.get(1));
    String html = Files.readString(out.resolve(EvaluateJob.REPORT));
    assertTrue(html.contains("NOT BLESSED"), "the report's verdict");
    assertTrue(html.contains("no better than the naive baseline"), "the report gives the reason");
    assertTrue(html.contains("never predicts class &#39;yes&#39;") || html.contains("never predicts class 'yes'"),
        "and names the class");
  }

  @Test
  void balancedClassWeightsAreBlessedAndReportEveryMetric() throws IOException {
    Path model = train("weighted", "label: defaulted\nclassWeights: balanced\n");
    // Weighing the rare class costs accuracy (about 0.8 here): judge it on measures made for imbalance.
    MetricsFile metrics = evaluate(model, dir.resolve("evaluation-weighted"),
        "thresholds: [{metric: rocAuc, lowerBound: 0.8}, {metric: macroRecall, lowerBound: 0.7}]\n");

    assertTrue(metrics.blessing().blessed(), metrics.blessing().reasons().toString());
    var trainerEval = ModelArtifact.read(model).eval().metrics();
    for (String metric : List.of("accuracy", "macroRecall", "logLoss", "rocAuc", "prAuc")) {
      assertTrue(trainerEval.containsKey(metric), "the Trainer reports " + metric + ": " + trainerEval.keySet());
    }
    double recall = metrics.candidate().slices().get(0).classification().perClass().get("yes").recall();
    assertTrue(recall > 0.5, "recall of the 3% class " + recall);
  }

  private static Path train(String name, String config) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, config);
    Path model = dir.resolve(name);
    new TrainJob(JobArguments.parse(new String[] {
        "--examples=" + examples, "--transform=" + transform, "--config=" + file, "--output=" + model},
        TrainOptions.class), QUIET).run();
    return model;
  }

  private static MetricsFile evaluate(Path model, Path out, String thresholds) throws IOException {
    Path config = dir.resolve(out.getFileName() + ".yaml");
    Files.writeString(config, thresholds);
    return new EvaluateJob(JobArguments.parse(new String[] {
        "--examples=" + examples, "--model=" + model, "--config=" + config, "--output=" + out, "--evalSplit=test"},
        EvaluateOptions.class), QUIET).run();
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
