package io.tributary.jobs.components;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.validation.SchemaGenJob;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SchemaGen in a pipeline: input {@code statistics}, output {@code schema}. With the parameter
 * {@code schema} (a curated schema.json, relative to the pipeline file) it imports that file
 * instead of inferring one, as TFX's ImportSchemaGen does; its content is part of the cache key.
 */
final class SchemaGenComponent implements Component {

  @Override
  public String type() {
    return "SchemaGen";
  }

  /** 2: categorical-only domains, masses, presence sized for the other splits, and the held-out check. */
  @Override
  public int version() {
    return 2;
  }

  @Override
  public Map<String, String> inputs() {
    return Map.of("statistics", "ExampleStatistics");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("schema", "Schema");
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("split", "The split to infer from (default train); the other splits check the result.");
    parameters.put("label", "The label feature: absent in the SERVING environment.");
    parameters.put("maxDomainSize", "Strings with at most this many distinct values may get a domain (default 100).");
    parameters.put("rangeMargin", "Numeric ranges are widened by this share of their width (default 0.1).");
    parameters.put("schema", "A curated schema.json to use instead of inferring one.");
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (parameters.containsKey("schema") && parameters.size() > 1) {
      throw new IllegalArgumentException("'schema' imports a curated schema; the inference parameters do not apply");
    }
  }

  /** A curated schema is read and checked before anything runs. */
  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    infer(parameters); // maxDomainSize and rangeMargin within their bounds, before the run starts
    Path curated = ConfigChecks.file(parameters, baseDir, "schema");
    if (curated != null) {
      try {
        SchemaJson.read(curated);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
  }

  private static SchemaGen.Infer infer(Map<String, Object> parameters) {
    return SchemaGen.infer()
        .withMaxDomainSize(Integer.parseInt(String.valueOf(parameters.getOrDefault("maxDomainSize", "100"))))
        .withRangeMargin(Double.parseDouble(String.valueOf(parameters.getOrDefault("rangeMargin", "0.1"))));
  }

  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    Object curated = context.parameters().get("schema");
    if (curated == null) {
      return "";
    }
    byte[] content = Files.readAllBytes(Path.of(JobArgs.resolve(context.baseDir(), curated.toString())));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    Path output = context.outputs().get("schema");
    Progress progress = new Progress("schemagen", context.out());
    DatasetSchema schema;
    Object curated = context.parameters().get("schema");
    if (curated != null) {
      schema = SchemaJson.read(Path.of(JobArgs.resolve(context.baseDir(), curated.toString())));
      StagedOutput out = StagedOutput.begin(output, false);
      SchemaJson.write(schema, out.staging().resolve(SchemaGenJob.FILE));
      out.publish();
      progress.say("imported the curated schema " + curated);
    } else {
      SchemaGen.Infer infer = infer(context.parameters());
      Object label = context.parameters().get("label");
      schema = SchemaGenJob.run(context.inputs().get("statistics"),
          String.valueOf(context.parameters().getOrDefault("split", "train")), infer,
          label == null ? null : label.toString(), output, false, progress);
    }
    return Map.of("schema", JobArgs.properties("features", (long) schema.features().size(),
        "source", curated == null ? "inferred" : "curated"));
  }
}
