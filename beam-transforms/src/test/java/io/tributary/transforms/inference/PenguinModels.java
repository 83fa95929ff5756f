package io.tributary.transforms.inference;

import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.testing.TestFiles;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/** Penguin models saved in a temporary folder once per JVM, for the BulkInferrer tests. */
final class PenguinModels {

  /** Like {@link PenguinExamples#SPEC}, but bill length is not imputed: rows without it cannot be scored. */
  static final TransformSpec NO_IMPUTATION =
      TransformSpec.builder()
          .feature("bill_length", "bill_length_mm", Step.zScore())
          .feature("island", "island", Step.vocabulary(), Step.oneHot())
          .passThrough("species")
          .drop("bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year")
          .build();

  private static PenguinModels instance;

  final Path logistic;
  final Path xgboost;
  final Path noImputation;

  private PenguinModels(Path root) {
    PenguinExamples penguins = PenguinExamples.get();
    logistic = save(root.resolve("logistic"), train(TrainerConfig.builder("species").build(), penguins));
    xgboost =
        save(root.resolve("xgboost"), train(TrainerConfig.builder("species").algorithm(Algorithm.XGBOOST).build(), penguins));
    List<Row> measured = penguins.train().stream().filter(row -> row.getValue("bill_length_mm") != null).toList();
    TransformFn fn = TransformFn.fit(NO_IMPUTATION, measured.get(0).getSchema(), measured);
    Path transformDir = root.resolve("no-imputation-transform");
    TransformFnFiles.write(fn, transformDir.toString());
    noImputation =
        save(
            root.resolve("no-imputation"),
            Trainer.of(TrainerConfig.builder("species").build())
                .train(fn, transformDir.toString(), measured.stream().map(fn::apply).toList()));
  }

  static synchronized PenguinModels get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("tributary-penguin-models");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteTree(root)));
        instance = new PenguinModels(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** A raw row as a serving record: column name to value. */
  static Map<String, Object> asRecord(Row row) {
    Map<String, Object> record = new HashMap<>();
    row.getSchema().getFieldNames().forEach(name -> record.put(name, row.getValue(name)));
    return record;
  }

  private static SavedModel train(TrainerConfig config, PenguinExamples penguins) {
    return Trainer.of(config)
        .train(penguins.transformFn(), penguins.transformDir().toString(), penguins.transformedTrain());
  }

  private static Path save(Path dir, SavedModel model) {
    ModelFolder.write(model, dir.toString());
    return dir;
  }
}
