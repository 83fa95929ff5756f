package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.train.TrainerConfig;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every size a config asks for has an upper bound, checked when the config is read, with a message
 * that names the bound and why: a slip like {@code buckets: 2000000000} ran out of memory, and
 * {@code numTrees: 2000000000} ran until killed. The largest allowed value is accepted.
 */
class BoundsTest {

  @Test
  void hashBuckets() {
    assertEquals("hash buckets is 2000000000; at most 1000000 (each bucket is a column of every row)",
        refused(() -> new HashBuckets(2_000_000_000, null)));
    new HashBuckets(HashBuckets.MAX_BUCKETS, null);
  }

  @Test
  void bucketizeQuantilesInASpecFileWithItsLine() {
    SpecException e = assertThrows(SpecException.class, () -> SpecMappers.read(SpecMappers.YAML,
        "features:\n  - name: b\n    inputs: [x]\n    steps: [{op: bucketize, quantiles: 2000000000}]\n",
        TransformSpec.class, "transform spec"));
    assertTrue(e.getMessage().contains("4") && e.getMessage().contains("bucketize quantiles is 2000000000; at most 10000"),
        e.getMessage());
    new Bucketize(null, Bucketize.MAX_QUANTILES);
  }

  @Test
  void vocabularyTopKAndOovBuckets() {
    assertTrue(refused(() -> new Vocabulary(2_000_000_000, null, null)).startsWith("vocabulary topK is 2000000000; at most 1000000"));
    assertTrue(refused(() -> new Vocabulary(null, null, 2_000_000_000)).startsWith("vocabulary oovBuckets is 2000000000"));
    new Vocabulary(Vocabulary.MAX_SIZE, null, Vocabulary.MAX_SIZE);
  }

  @Test
  void treesEpochsDepthAndMinibatch() {
    String trees = readTrainer("algorithm: random_forest\nhyperParameters:\n  numTrees: 2000000000\n");
    assertTrue(trees.contains("numTrees = 2000000000 is out of range: use >= 1 and <= 10000"), trees);
    assertTrue(readTrainer("algorithm: xgboost\nhyperParameters:\n  numTrees: 10001\n").contains("<= 10000"));
    assertTrue(readTrainer("algorithm: cart\nhyperParameters:\n  maxDepth: 65\n").contains("maxDepth = 65"));
    assertTrue(readTrainer("algorithm: logistic_regression\nhyperParameters:\n  epochs: 2000000000\n")
        .contains("epochs = 2000000000 is out of range: use >= 1 and <= 10000"));
    assertTrue(readTrainer("algorithm: linear_sgd\nhyperParameters:\n  minibatchSize: 2000000000\n")
        .contains("minibatchSize = 2000000000 is out of range: use >= 1 and <= 1000000"));
  }

  @Test
  void slicesOfAnEvaluationConfig() {
    String slices = IntStream.range(0, EvalConfig.MAX_SLICES + 1).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
    SpecException e = assertThrows(SpecException.class,
        () -> EvalConfig.fromYaml("label: y\nslices: [" + slices + "]\n"));
    assertTrue(e.getMessage().contains("'slices' is 101; at most 100"), e.getMessage());
  }

  @Test
  void maxDomainSizeAndInferenceSampleRows() {
    assertTrue(refused(() -> SchemaGen.infer().withMaxDomainSize(2_000_000_000)).startsWith("maxDomainSize is 2000000000; at most 100000"));
    assertTrue(refused(() -> Input.csv("a.csv").withInferenceSampleRows(2_000_000_000))
        .startsWith("inferenceSampleRows is 2000000000; at most 10000000"));
  }

  private static String readTrainer(String yaml) {
    return assertThrows(SpecException.class,
        () -> SpecMappers.read(SpecMappers.YAML, "label: y\n" + yaml, TrainerConfig.class, "trainer config")).getMessage();
  }

  private static String refused(org.junit.jupiter.api.function.Executable config) {
    return assertThrows(IllegalArgumentException.class, config).getMessage();
  }
}
