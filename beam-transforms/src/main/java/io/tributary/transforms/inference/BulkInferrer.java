package io.tributary.transforms.inference;

import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.model.FeatureVector;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scores raw rows with a saved model: applies the fitted transform the model was trained on, then
 * the model, to every row (TFX BulkInferrer for Beam {@code Row}s).
 *
 * <pre>{@code
 * PCollection<Row> raw = pipeline.apply(ExamplesIO.read("examples/Split-eval"));
 * OutputWithErrors scored = raw.apply(BulkInferrer.of("/runs/7/Trainer/model/12"));
 * scored.output().apply(ExamplesIO.write("inference/Split-eval"));        // Avro or Parquet
 * scored.errors().apply(DeadLetter.asJsonLines()).apply(TextIO.write().to("inference/errors"));
 * }</pre>
 *
 * <p><b>Output.</b> Each input row with {@code prediction} and, for classification, {@code
 * probabilities} appended (see {@link PredictionRows}). The scores are exactly those of the
 * single-record serving path, {@link io.tributary.transforms.model.Predictor#predict}.
 *
 * <p><b>Loading.</b> The model and the transform are read once per DoFn instance, in {@code
 * @Setup}, from their folders (any Beam file system the workers can reach), never per record.
 * The transform is the one {@code model.json} names unless {@link #withTransform} gives its
 * folder (e.g. after the artifacts moved); either way its fingerprint must match the model's.
 *
 * <p><b>Errors.</b> Checked while the pipeline is built, before any data is read: the model
 * folder's descriptor reads, the transform matches, the input has every column the transform
 * reads and no {@code prediction}/{@code probabilities} column. A row that cannot be scored (a
 * feature the transform leaves missing, a value of the wrong type) goes to {@link
 * OutputWithErrors#errors()} as a {@link DeadLetter} whose {@code source} is the model folder, with
 * the row's text and the reason; it never stops the run.
 *
 * <p><b>Counters</b> (namespace {@value #METRICS_NAMESPACE}): {@value #SCORED_COUNTER}, {@value
 * #DEAD_LETTERS_COUNTER}, and {@value #MODEL_LOADS_COUNTER} (model loads that scored rows).
 */
public final class BulkInferrer extends PTransform<PCollection<Row>, OutputWithErrors> {

  public static final String METRICS_NAMESPACE = "tributary.bulkinferrer";
  public static final String SCORED_COUNTER = "scored";
  public static final String DEAD_LETTERS_COUNTER = "dead_letters";
  public static final String MODEL_LOADS_COUNTER = "model_loads";

  static final TupleTag<Row> OUTPUT = new TupleTag<>("output") {};
  private static final TupleTag<Row> ERRORS = new TupleTag<>("errors") {};

  private final String modelDirectory;
  private final String transformDirectory;

  private BulkInferrer(String modelDirectory, String transformDirectory) {
    this.modelDirectory = modelDirectory;
    this.transformDirectory = transformDirectory;
  }

  /** Scores with the model saved in {@code modelDirectory} (the Trainer's model output). */
  public static BulkInferrer of(String modelDirectory) {
    if (modelDirectory == null || modelDirectory.isBlank()) {
      throw new IllegalArgumentException("BulkInferrer.of() needs the model folder (the Trainer's model output)");
    }
    return new BulkInferrer(modelDirectory, null);
  }

  /** Reads the transform from {@code directory} instead of the path recorded in {@code model.json}. */
  public BulkInferrer withTransform(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("withTransform() needs the folder holding transform_fn.json");
    }
    return new BulkInferrer(modelDirectory, directory);
  }

  @Override
  public OutputWithErrors expand(PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException("BulkInferrer needs rows with a schema: call setRowSchema()");
    }
    ModelDescriptor descriptor = ModelFolder.readDescriptor(modelDirectory);
    String transformFolder = transformDirectory != null ? transformDirectory : descriptor.transform().path();
    if (transformFolder == null) {
      throw new IllegalArgumentException(
          "model.json in " + modelDirectory + " records no transform folder: call withTransform(folder)");
    }
    TransformFn fn = TransformFnFiles.read(transformFolder);
    descriptor.transform().check(fn, transformFolder);
    FeatureVector.check(fn.outputSchema(), descriptor.features());
    Schema input = rows.getSchema();
    for (String column : fn.inputSchema().getFieldNames()) {
      if (!input.hasField(column)) {
        throw new IllegalArgumentException(
            "the transform reads column '" + column + "', which is not in the input; columns are " + input.getFieldNames()
                + ": score raw examples (the transform's input), not transformed ones");
      }
    }
    Schema output = PredictionRows.schema(input, descriptor.task());
    PCollectionTuple scored =
        rows.apply(
            "Score",
            ParDo.of(new ScoreFn(modelDirectory, transformFolder, input, output, ERRORS))
                .withOutputTags(OUTPUT, TupleTagList.of(ERRORS)));
    return OutputWithErrors.of(
        scored.get(OUTPUT).setRowSchema(output), scored.get(ERRORS).setRowSchema(DeadLetter.SCHEMA));
  }
}
