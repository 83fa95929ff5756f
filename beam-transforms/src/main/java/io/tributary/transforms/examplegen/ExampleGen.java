package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.examples.ParquetSupport;
import io.tributary.transforms.split.HashSplit;
import io.tributary.transforms.split.Split;
import io.tributary.transforms.split.SplitRatios;
import io.tributary.transforms.split.Splits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;

/**
 * Reads raw data into examples: Beam {@code Row}s with a schema, split into named splits, with
 * every unreadable record kept as a dead letter.
 *
 * <pre>{@code
 * ExampleGenResult examples =
 *     pipeline.apply(ExampleGen.from(Input.csv("data/penguins.csv"))
 *         .withSplit(Split.byHash().withRatios("train:2,eval:1").withSeed(42)));
 * PCollection<Row> train = examples.split("train");
 * PCollection<Row> deadLetters = examples.errors();
 *
 * // Splits given by the data instead of a hash:
 * pipeline.apply(ExampleGen.fromSplits(Map.of(
 *     "train", Input.avro("in/train-*.avro"), "eval", Input.avro("in/eval-*.avro"))));
 * }</pre>
 *
 * <p><b>Schema.</b> Declared with {@link #withSchema} (e.g. from an Avro schema file), or inferred
 * before the pipeline runs: for CSV and JSON lines from the first {@link
 * Input#inferenceSampleRows()} records (longs, doubles, booleans, strings; a {@code .json} file
 * may be JSON lines or one array of objects, see {@link JsonFileParser}; see {@link
 * InferredSchema} for nullability), for Avro and Parquet from the first file's own schema. Column
 * names become Avro-safe field names ({@code "body mass"} reads as {@code body_mass}; two columns
 * never share one, see {@link FieldNames}); {@link ExampleGenResult#columnNames()} maps them back.
 *
 * <p><b>Bad input.</b> A record with the wrong number of fields, an unbalanced quote, malformed
 * JSON, a value that is not of its column's type or a missing required value goes to {@link
 * ExampleGenResult#errors()} as a {@link DeadLetter} with the file, the 1-based line (or record
 * number), the raw text and the reason; it is counted in the {@value #METRICS_NAMESPACE} counter
 * {@value #DEAD_LETTERS_COUNTER}. Every record read is either a row of exactly one split or a
 * dead letter.
 *
 * <p><b>Parallelism and memory.</b> A file larger than {@link Input#rangeBytes()} (default 8
 * MiB) is cut into ranges of about that size, spread over all workers, so one large file is parsed
 * in parallel: CSV and JSON lines at record starts found by one boundary scan of the file (so
 * quoted values with line breaks are never cut, and line numbers are those of a sequential read;
 * see {@link TextRanges}), Avro at block starts and Parquet at row-group starts (record numbers
 * exact too). Each range is parsed by one call of a plain DoFn ({@link ReadRanges}), so the
 * reader holds no more than a range's rows; what later steps hold of the rows is up to the
 * runner. To write the splits to files, {@link #writeTo} writes each row as it is read and hands
 * on no rows at all, which bounds memory on every runner.
 * Compressed text ({@code .gz}, {@code .bz2}, {@code .zst}, {@code .deflate}) cannot be cut: one
 * streaming reader per file. A JSON file that is one array is read whole, one worker per file.
 */
public final class ExampleGen extends PTransform<PBegin, ExampleGenResult> {

  public static final String METRICS_NAMESPACE = "tributary.examplegen";
  public static final String ROWS_COUNTER = "rows";
  public static final String DEAD_LETTERS_COUNTER = "dead_letters";
  /** Rows of each split are counted as {@code split_<name>}. */
  public static final String SPLIT_COUNTER_PREFIX = "split_";

  private final Map<String, Input> predefinedSplits;
  private final Input input;
  private final HashSplit split;
  private final Schema schema;

  private ExampleGen(Input input, Map<String, Input> predefinedSplits, HashSplit split, Schema schema) {
    this.input = input;
    this.predefinedSplits = predefinedSplits;
    this.split = split;
    this.schema = schema;
  }

  /** Reads one input and splits it by hash; by default {@code train:2,eval:1} of whole rows. */
  public static ExampleGen from(Input input) {
    if (input == null) {
      throw new IllegalArgumentException("the input is null: name the files to read");
    }
    return new ExampleGen(input, null, Split.byHash(), null);
  }

  /** Reads one input per split: the data is already split (TFX's predefined splits). */
  public static ExampleGen fromSplits(Map<String, Input> inputsBySplit) {
    if (inputsBySplit == null || inputsBySplit.isEmpty()) {
      throw new IllegalArgumentException("no splits given: map each split name to its input");
    }
    Map<String, Input> copy = new LinkedHashMap<>(inputsBySplit);
    Map<String, Long> equalWeights = new LinkedHashMap<>();
    copy.keySet().forEach(name -> equalWeights.put(name, 1L));
    SplitRatios.of(equalWeights); // the same rules for split names as hash splits
    if (copy.values().stream().map(Input::format).distinct().count() > 1) {
      throw new IllegalArgumentException(
          "the split inputs mix formats " + copy.values().stream().map(Input::format).distinct().toList()
              + ": give every split the same format");
    }
    return new ExampleGen(null, copy, null, null);
  }

  /** How to split one input; not allowed with {@link #fromSplits}. */
  public ExampleGen withSplit(HashSplit newSplit) {
    if (predefinedSplits != null) {
      throw new IllegalArgumentException(
          "withSplit() conflicts with fromSplits(): the splits are already given by the inputs");
    }
    if (newSplit == null) {
      throw new IllegalArgumentException("withSplit(null): pass e.g. Split.byHash(\"id\")");
    }
    return new ExampleGen(input, predefinedSplits, newSplit, schema);
  }

  /** Declares the schema instead of inferring it. */
  public ExampleGen withSchema(Schema newSchema) {
    if (newSchema == null || newSchema.getFieldCount() == 0) {
      throw new IllegalArgumentException("the declared schema has no fields");
    }
    return new ExampleGen(input, predefinedSplits, split, newSchema);
  }

  /**
   * Writes the examples straight to files instead of handing rows on: each split becomes {@code
   * <folder>/Split-<name>/}, readable with {@link io.tributary.transforms.examples.ExamplesIO#read}.
   * For large inputs on any runner: see {@link WriteExamples}.
   */
  public WriteExamples writeTo(String folder) {
    return WriteExamples.of(this, folder);
  }

  @Override
  public ExampleGenResult expand(PBegin begin) {
    Plan plan = plan();
    Schema rowSchema = plan.provenance().schema();
    List<PCollection<Row>> errors = new ArrayList<>();
    Splits splits;
    if (predefinedSplits == null) {
      PCollectionTuple parsed = read(begin, "Read", plan.inputs().get(""), rowSchema);
      errors.add(parsed.get(ReadRanges.DEAD_LETTERS));
      splits = parsed.get(ReadRanges.ROWS).apply("Split", split);
    } else {
      Map<String, PCollection<Row>> bySplit = new LinkedHashMap<>();
      plan.inputs().forEach(
          (name, in) -> {
            PCollectionTuple parsed = read(begin, "Read/" + name, in, rowSchema);
            bySplit.put(name, parsed.get(ReadRanges.ROWS));
            errors.add(parsed.get(ReadRanges.DEAD_LETTERS));
          });
      splits = Splits.of(begin.getPipeline(), bySplit);
    }
    Map<String, PCollection<Row>> counted = new LinkedHashMap<>();
    splits.asMap().forEach(
        (name, rows) ->
            counted.put(
                name,
                rows.apply("Count/" + name, ParDo.of(new CountFn(SPLIT_COUNTER_PREFIX + name)))
                    .setRowSchema(rowSchema)));
    splits = Splits.of(begin.getPipeline(), counted);
    PCollection<Row> deadLetters =
        PCollectionList.of(errors).apply("DeadLetters", Flatten.pCollections()).setRowSchema(DeadLetter.SCHEMA);
    return new ExampleGenResult(splits, deadLetters, plan.provenance());
  }

  /**
   * The inputs matched ({@code ""} for the one input of a hash split, else by split name) and the
   * schema settled, before anything is read.
   */
  record Plan(Map<String, ResolvedInput> inputs, ReadProvenance provenance) {}

  Plan plan() {
    Map<String, ResolvedInput> resolved = new LinkedHashMap<>();
    if (predefinedSplits == null) {
      resolved.put("", InputResolver.resolve(input));
    } else {
      predefinedSplits.forEach((name, in) -> resolved.put(name, InputResolver.resolve(in)));
    }
    List<ResolvedInput> inputs = new ArrayList<>(resolved.values());
    if (inputs.stream().anyMatch(in -> in.input().format() == InputFormat.PARQUET)) {
      ParquetSupport.require("ExampleGen of a Parquet input");
    }
    InferredSchema inferred = schema == null ? SchemaInference.infer(inputs) : null;
    Schema rowSchema = schema != null ? schema : inferred.schema();
    if (inputs.get(0).input().format().isText()) {
      checkReadableFromText(rowSchema);
    }
    return new Plan(resolved, new ReadProvenance(rowSchema, inferred, inputs));
  }

  /** The splits made, in order. */
  List<String> splitNames() {
    return predefinedSplits == null ? split.ratios().names() : List.copyOf(predefinedSplits.keySet());
  }

  /**
   * The split index (into {@link #splitNames()}) of each row of the input {@code name} of {@link
   * Plan#inputs()}.
   */
  Partition.PartitionFn<Row> assignment(String name, Schema rowSchema) {
    if (predefinedSplits == null) {
      return split.assignment(rowSchema);
    }
    int index = splitNames().indexOf(name);
    return (row, splits) -> index;
  }

  private static PCollectionTuple read(PBegin begin, String name, ResolvedInput input, Schema schema) {
    return open(begin, name, input)
        .apply(name + "/Parse", new ReadRanges(parserFor(input), schema, input.input().rangeBytes()));
  }

  /** The files of one input, opened for reading. */
  static PCollection<FileIO.ReadableFile> open(PBegin begin, String name, ResolvedInput input) {
    return begin
        .apply(name + "/Files", Create.of(input.files()))
        .apply(name + "/Match", FileIO.matchAll())
        .apply(name + "/Open", FileIO.readMatches());
  }

  /** The parser of an input's files; a {@code .json} input is JSON lines unless a file is one array. */
  static FileParser parserFor(ResolvedInput input) {
    FileParser parser = parserFor(input.input());
    if (parser instanceof JsonFileParser && !JsonFileParser.anyArray(input.files())) {
      return new JsonLinesFileParser();
    }
    return parser;
  }

  /** Passes rows through, counting them: how the job learns each split's size. */
  private static final class CountFn extends DoFn<Row, Row> {
    private final Counter counter;

    CountFn(String name) {
      this.counter = Metrics.counter(METRICS_NAMESPACE, name);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Row> out) {
      counter.inc();
      out.output(row);
    }
  }

  static FileParser parserFor(Input input) {
    switch (input.format()) {
      case CSV:
        return new CsvFileParser(input.csvFormat());
      case JSON_LINES:
        return new JsonFileParser();
      case AVRO:
        return new AvroFileParser();
      case PARQUET:
        return new ParquetFileParser();
      default:
        throw new IllegalStateException("no parser for " + input.format());
    }
  }

  private static void checkReadableFromText(Schema schema) {
    for (Schema.Field field : schema.getFields()) {
      if (!ValueParser.canParse(field.getType().getTypeName())) {
        throw new IllegalArgumentException(
            "field '" + field.getName() + "' is " + field.getType().getTypeName()
                + ", which text input cannot hold: declare STRING, INT64, INT32, DOUBLE, FLOAT"
                + " or BOOLEAN");
      }
    }
  }
}
