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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version policy, one scan at a time: what is loaded, served, released and reported. */
class ModelManagerTest {

  @TempDir Path serving;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /** The retry clock, in nanoseconds, moved by hand. */
  private final AtomicLong now = new AtomicLong(1_000);

  private ModelManager manager(int keepVersions) {
    return manager(keepVersions, LoadRetries.DEFAULT);
  }

  private ModelManager manager(int keepVersions, LoadRetries retries) {
    return new ModelManager(serving, keepVersions, retries, now::get, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  /** Publishes a version of penguin whose transform_fn.json is missing; returns its folder. */
  private Path pushWithoutTransformFn(long version) throws Exception {
    Path staged = ServingFixture.stage(serving, "penguin", version);
    Files.delete(staged.resolve("transform/transform_fn.json"));
    return ServingFixture.publish(staged, version);
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
      pushWithoutTransformFn(2);
      models.poll();
      assertEquals(1, latest(models));
      assertEquals(VersionState.FAILED, states(models).get(2L));
      assertTrue(model(models).status(2).orElseThrow().error().contains("transform_fn.json"));
      models.poll();
      assertEquals(1, countLines("FAILED to load (attempt 1 of 6; trying again in 60 s)"),
          "not tried again before the retry interval: " + log);
    }
  }

  @Test
  void aFailedVersionIsTriedAgainAfterTheIntervalAndReplacesThePreviousOnceItLoads() throws Exception {
    ServingFixture.push(serving, "penguin", 1);
    try (ModelManager models = manager(1, new LoadRetries(2, Duration.ofSeconds(10)))) {
      models.poll();
      Path broken = pushWithoutTransformFn(2);
      models.poll();
      assertEquals(VersionState.FAILED, states(models).get(2L));
      // What was wrong is put right (a file system that was away comes back).
      Files.copy(serving.resolve("penguin/1/transform/transform_fn.json"), broken.resolve("transform/transform_fn.json"));
      now.addAndGet(Duration.ofSeconds(9).toNanos());
      models.poll();
      assertEquals(1, latest(models), "too early to try again");
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      models.poll();
      assertEquals(2, latest(models));
      assertEquals(Map.of(1L, VersionState.NOT_LOADED, 2L, VersionState.AVAILABLE), states(models));
    }
  }

  @Test
  void aVersionThatKeepsFailingIsGivenUpAfterItsRetries() throws Exception {
    ServingFixture.push(serving, "penguin", 1);
    try (ModelManager models = manager(1, new LoadRetries(1, Duration.ofSeconds(10)))) {
      models.poll();
      pushWithoutTransformFn(2);
      for (int poll = 0; poll < 4; poll++) {
        models.poll();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
      }
      assertEquals(1, countLines("FAILED to load (attempt 1 of 2; trying again in 10 s)"), log.toString(StandardCharsets.UTF_8));
      assertEquals(1, countLines("FAILED to load and will not be served (2 attempts)"), log.toString(StandardCharsets.UTF_8));
      assertEquals(2, countLines("FAILED to load"));
      assertEquals(1, latest(models));
      assertEquals(VersionState.FAILED, states(models).get(2L));
    }
  }

  @Test
  void noRetriesMeansOneAttempt() throws Exception {
    ServingFixture.push(serving, "penguin", 1);
    try (ModelManager models = manager(1, new LoadRetries(0, Duration.ZERO))) {
      models.poll();
      pushWithoutTransformFn(2);
      models.poll();
      models.poll();
      assertEquals(1, countLines("FAILED to load and will not be served (1 attempt)"), log.toString(StandardCharsets.UTF_8));
      assertEquals(1, countLines("FAILED to load"));
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
