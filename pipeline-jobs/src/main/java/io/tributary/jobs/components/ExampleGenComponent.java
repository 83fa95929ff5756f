package io.tributary.jobs.components;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examplegen.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ExampleGen in a pipeline: the parameters are the options of {@code tributary examplegen} (but
 * {@code output}, {@code overwrite} and {@code profile}, which the driver sets); output {@code
 * examples}. New or changed input files change the cache key: their paths, sizes and modification
 * times are fingerprinted, not their bytes, so checking a large input stays cheap.
 */
final class ExampleGenComponent implements Component {

  private static final Set<String> PATHS = Set.of("input", "split", "schema");
  private static final Set<String> DRIVER_OPTIONS = Set.of("output", "overwrite", "profile");

  @Override
  public String type() {
    return "ExampleGen";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return Map.of();
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("examples", "Examples");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(ExampleGenOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (parameters.containsKey("input") == parameters.containsKey("split")) {
      throw new IllegalArgumentException("give 'input' (one input, hash-split) or 'split' (a list of name=pattern)");
    }
  }

  /** The sizes in the parameters within their bounds, before the run starts. */
  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    Object rows = parameters.get("inferenceSampleRows");
    if (rows != null) {
      Input.of(String.valueOf(parameters.get("input")), InputFormat.CSV)
          .withInferenceSampleRows(Integer.parseInt(String.valueOf(rows)));
    }
  }

  private static ExampleGenJob job(ComponentContext context, Path output) {
    String[] args = JobArgs.from(context, PATHS).with("output", output).plus(context.runnerArgs());
    return new ExampleGenJob(JobArguments.parse(args, ExampleGenOptions.class), context.out());
  }

  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String file : externalInputs(context)) {
      Path path = Path.of(file);
      String line = file + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis() + "\n";
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The files the input patterns resolve to now (the latest span unless one is named). */
  @Override
  public List<String> externalInputs(ComponentContext context) {
    List<String> files = new ArrayList<>();
    for (Input input : job(context, context.outputs().get("examples")).inputs().values()) {
      files.addAll(input.resolve().files());
    }
    return files;
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    ExamplesArtifact artifact = job(context, context.outputs().get("examples")).run();
    Map<String, Object> properties =
        JobArgs.properties(
            "span", artifact.span(),
            "version", artifact.version(),
            "rows", artifact.rowsRead(),
            "dead_letters", artifact.deadLetters(),
            "splits", String.join(",", artifact.splits().keySet()),
            "format", artifact.format());
    return Map.of("examples", properties);
  }
}
