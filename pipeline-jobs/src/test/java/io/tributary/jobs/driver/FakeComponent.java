package io.tributary.jobs.driver;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A component for driver tests: reads its inputs (some optional), writes one file to its output
 * (staged, then renamed, as real jobs do), and on demand fails after writing part of its output,
 * records output properties ({@code properties: blessed=1,span=3}) or asks to be skipped.
 */
final class FakeComponent implements Component {

  private final String type;
  private final Map<String, String> inputs;
  private final String outputType;
  private final Set<String> optionalInputs;
  final AtomicInteger executions = new AtomicInteger();
  /** The inputs of the latest execution. */
  volatile Map<String, Path> lastInputs = Map.of();

  FakeComponent(String type, Map<String, String> inputs) {
    this(type, inputs, "Examples", Set.of());
  }

  FakeComponent(String type, Map<String, String> inputs, String outputType, Set<String> optionalInputs) {
    this.type = type;
    this.inputs = inputs;
    this.outputType = outputType;
    this.optionalInputs = optionalInputs;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return inputs;
  }

  @Override
  public Set<String> optionalInputs() {
    return optionalInputs;
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("out", outputType);
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("value", "what to write", "fail", "true to fail half-way",
        "properties", "output properties, k=v,k=v (numbers)", "skip", "a reason to be skipped");
  }

  @Override
  public Optional<String> skipReason(ComponentContext context) {
    return Optional.ofNullable((String) context.parameters().get("skip"));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    executions.incrementAndGet();
    lastInputs = Map.copyOf(context.inputs());
    Path out = context.outputs().get("out");
    Path staging = out.resolveSibling("." + out.getFileName() + ".staging-test");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("value"), String.valueOf(context.parameters().get("value")));
    if ("true".equals(context.parameters().get("fail"))) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("half"), "written before the failure");
      throw new IllegalStateException("asked to fail");
    }
    Files.move(staging, out);
    Map<String, Object> properties = new LinkedHashMap<>(Map.of("rows", 1L));
    Object asked = context.parameters().get("properties");
    if (asked != null) {
      for (String pair : String.valueOf(asked).split(",")) {
        String[] kv = pair.split("=");
        properties.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return Map.of("out", properties);
  }
}
