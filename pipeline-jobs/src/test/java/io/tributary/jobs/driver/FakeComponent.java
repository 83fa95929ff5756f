package io.tributary.jobs.driver;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A component for driver tests: reads one optional input, writes one file to its output (staged,
 * then renamed, as real jobs do), and fails on demand after writing part of its output.
 */
final class FakeComponent implements Component {

  private final String type;
  private final Map<String, String> inputs;
  final AtomicInteger executions = new AtomicInteger();

  FakeComponent(String type, Map<String, String> inputs) {
    this.type = type;
    this.inputs = inputs;
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
  public Map<String, String> outputs() {
    return Map.of("out", "Examples");
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("value", "what to write", "fail", "true to fail half-way");
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    executions.incrementAndGet();
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
    return Map.of("out", Map.of("rows", 1L));
  }
}
