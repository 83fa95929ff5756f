package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.testing.ServingFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version policy, one scan at a time: what is loaded, served, released and reported. */
class ModelManagerTest {

  @TempDir Path serving;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private ModelManager manager(int keepVersions) {
    return new ModelManager(serving, keepVersions, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void servesTheNewestVersionAndReleasesTheOldOnceTheNewIsAvailable() {
    ServingFixture.push(serving, "penguin", 1);
    try (ModelManager models = manager(1)) {
      models.poll();
      assertEquals(1, latest(models));
      ServingFixture.push(serving, "penguin", 2);
      models.poll();
      assertEquals(2, latest(models));
      assertEquals(Map.of(1L, VersionState.NOT_LOADED, 2L, VersionState.AVAILABLE), states(models));
      assertEquals(List.of(2L), List.copyOf(model(models).loaded().keySet()));
    }
  }

  @Test
  void aBrokenPushLeavesThePreviousVersionServing() throws Exception {
    ServingFixture.push(serving, "penguin", 1);
    try (ModelManager models = manager(1)) {
      models.poll();
      Path broken = ServingFixture.stage(serving, "penguin", 2);
      Files.delete(broken.resolve("transform/transform_fn.json"));
      ServingFixture.publish(broken, 2);
      models.poll();
      assertEquals(1, latest(models));
      assertEquals(VersionState.FAILED, states(models).get(2L));
      assertTrue(model(models).status(2).orElseThrow().error().contains("transform_fn.json"));
      models.poll();
      assertEquals(1, countLines("FAILED to load"), "a failed version is not retried: " + log);
    }
  }

  @Test
  void removingTheServedVersionRollsBackToThePreviousOne() throws Exception {
    ServingFixture.push(serving, "penguin", 1);
    ServingFixture.push(serving, "penguin", 2);
    try (ModelManager models = manager(1)) {
      models.poll();
      assertEquals(Map.of(1L, VersionState.NOT_LOADED, 2L, VersionState.AVAILABLE), states(models));
      StagedOutput.deleteTree(serving.resolve("penguin/2"));
      models.poll();
      assertEquals(1, latest(models));
      assertEquals(Map.of(1L, VersionState.AVAILABLE), states(models));
      StagedOutput.deleteTree(serving.resolve("penguin"));
      models.poll();
      assertTrue(models.table().model("penguin").isEmpty());
      assertEquals(List.of("no model is published in the serving directory yet"), models.table().notReady());
    }
  }

  @Test
  void keepsSeveralVersionsLoadedWhenAsked() {
    for (long version = 1; version <= 3; version++) {
      ServingFixture.push(serving, "penguin", version);
    }
    try (ModelManager models = manager(2)) {
      assertTrue(models.table().notReady().get(0).contains("not been scanned"));
      models.poll();
      assertEquals(Map.of(1L, VersionState.NOT_LOADED, 2L, VersionState.AVAILABLE, 3L, VersionState.AVAILABLE), states(models));
      assertEquals(3, latest(models));
      assertEquals(List.of(), models.table().notReady());
    }
  }

  private long countLines(String text) {
    return log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(text)).count();
  }

  private static ServingTable.Model model(ModelManager models) {
    return models.table().model("penguin").orElseThrow();
  }

  private static long latest(ModelManager models) {
    return model(models).latest().orElseThrow().version();
  }

  private static Map<Long, VersionState> states(ModelManager models) {
    return model(models).statuses().stream().collect(Collectors.toMap(VersionStatus::version, VersionStatus::state));
  }
}
