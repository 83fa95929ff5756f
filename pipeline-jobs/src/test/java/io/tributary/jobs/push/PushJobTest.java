package io.tributary.jobs.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary push} of the penguin model, with blessing folders written as the contract says. */
class PushJobTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @TempDir Path dir;

  @Test
  void pushesNumberedVersionsThatLoadBackAndNeverChange() throws IOException {
    Path serving = dir.resolve("serving");
    Path blessing = Blessed.model(dir.resolve("blessing"));
    Path infra = Blessed.infra(dir.resolve("infra"));

    CliRun first = push("--blessing=" + blessing, "--infra-blessing=" + infra, "--serving-dir=" + serving);
    assertEquals(0, first.exitCode(), first.err());
    Path one = serving.resolve("penguin/1");
    assertEquals(one.toString(), first.out().strip());
    byte[] firstRecord = Files.readAllBytes(one.resolve(PushRecord.FILE));

    Path retrained = copyOf(PENGUINS.model, dir.resolve("retrained"));
    CliRun second = CliRun.of("push", "--model=" + retrained, "--blessing=" + blessing, "--serving-dir=" + serving,
        "--model-name=penguin");
    assertEquals(0, second.exitCode(), second.err());
    Path two = serving.resolve("penguin/2");
    assertEquals(two.toString(), second.out().strip());

    assertEquals(List.of("1", "2"), names(serving.resolve("penguin")));
    assertArrayEquals(firstRecord, Files.readAllBytes(one.resolve(PushRecord.FILE)), "version 1 is never rewritten");
    for (Path version : List.of(one, two)) {
      assertEquals(List.of("model.json", "model.pb", "push.json", "transform"), names(version));
      assertEquals(List.of("output_schema.avsc", "transform_fn.json"), names(version.resolve("transform")));
      assertArrayEquals(Files.readAllBytes(PENGUINS.model.resolve("model.pb")), Files.readAllBytes(version.resolve("model.pb")));
    }
    PushRecord record = PushRecord.read(two);
    assertEquals(new PushRecord(1, "penguin", 2, record.pushedAt(), retrained.toString(),
        PENGUINS.transform.toString(), ModelFolder.readDescriptor(PENGUINS.model.toString()).modelSha256()), record);
    Instant.parse(record.pushedAt());

    Predictor served = Predictor.load(two.toString(), two.resolve("transform").toString());
    Row row = ExampleFiles.read(PENGUINS.examples.resolve("Split-eval")).get(0);
    assertEquals(Predictor.load(PENGUINS.model.toString()).predict(row), served.predict(row));
  }

  @Test
  void refusesAnUnblessedModelAndWritesNothing() throws IOException {
    Path serving = dir.resolve("serving");
    Path blessing = Blessed.notModel(dir.resolve("blessing"), "accuracy 0.61 is below 0.9", "macroF1 dropped by 0.2");

    CliRun run = push("--blessing=" + blessing, "--serving-dir=" + serving);

    assertEquals(1, run.exitCode());
    assertEquals("tributary push: refused: model not blessed: accuracy 0.61 is below 0.9; macroF1 dropped by 0.2"
        + " (nothing was pushed)", run.err().strip());
    assertEquals("", run.out());
    assertFalse(Files.exists(serving));
  }

  @Test
  void refusesWithoutInfraBlessedOrWithoutAVerdict() throws IOException {
    Path serving = dir.resolve("serving");
    Path blessing = Blessed.model(dir.resolve("blessing"));
    Path infra = Blessed.notInfra(dir.resolve("infra"), "p99 latency 12.000 ms is above the limit of 5.0 ms");

    CliRun notInfraBlessed = push("--blessing=" + blessing, "--infra-blessing=" + infra, "--serving-dir=" + serving);
    assertEquals(1, notInfraBlessed.exitCode());
    assertTrue(notInfraBlessed.err().contains(
        "refused: model not infra-blessed: p99 latency 12.000 ms is above the limit of 5.0 ms"), notInfraBlessed.err());

    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun noVerdict = push("--blessing=" + empty, "--serving-dir=" + serving);
    assertEquals(1, noVerdict.exitCode());
    assertTrue(noVerdict.err().contains("holds neither BLESSED nor NOT_BLESSED: give the Evaluator's blessing folder"),
        noVerdict.err());
    assertFalse(Files.exists(serving));
  }

  @Test
  void aCorruptedModelIsAClearErrorAndLeavesNothing() throws IOException {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.copy(PENGUINS.model.resolve("model.json"), model.resolve("model.json"));
    Files.write(model.resolve("model.pb"), new byte[] {1, 2, 3});
    Path serving = dir.resolve("serving");

    CliRun run = CliRun.of("push", "--model=" + model, "--blessing=" + Blessed.model(dir.resolve("blessing")),
        "--serving-dir=" + serving, "--model-name=penguin");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("tributary push: failed: " + model.resolve("model.pb") + " does not match the modelSha256"),
        run.err());
    assertFalse(Files.exists(serving), "the model is checked before anything is written");
  }

  @Test
  void concurrentPushesGetVersionsOneAndTwo() throws Exception {
    Path serving = dir.resolve("serving");
    Path blessing = Blessed.model(dir.resolve("blessing"));
    PushSettings one = new PushSettings(PENGUINS.model, null, blessing, null, serving, "penguin");
    PushSettings other = new PushSettings(copyOf(PENGUINS.model, dir.resolve("other")), null, blessing, null, serving, "penguin");
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<PushJob.PushResult>> pushes = List.of(pool.submit(() -> {
        start.await();
        return PushJob.run(one, quiet());
      }), pool.submit(() -> {
        start.await();
        return PushJob.run(other, quiet());
      }));
      Set<Integer> versions = Set.of(pushes.get(0).get().record().version(), pushes.get(1).get().record().version());
      assertEquals(Set.of(1, 2), versions);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("1", "2"), names(serving.resolve("penguin")));
    for (int version : List.of(1, 2)) {
      assertEquals(version, PushRecord.read(serving.resolve("penguin/" + version)).version());
    }
  }

  /**
   * Pushes of one model at the same instant (two {@code tributary push}, or two runs pushing the
   * same blessed model) publish it once: each re-checks the newest version under the model
   * folder's publication lock before its rename.
   */
  @Test
  void simultaneousPushesOfOneModelPublishItOnce() throws Exception {
    Path serving = dir.resolve("serving");
    PushSettings settings = new PushSettings(PENGUINS.model, null, Blessed.model(dir.resolve("blessing")), null, serving,
        "penguin");
    int pushers = 6;
    CyclicBarrier start = new CyclicBarrier(pushers);
    ExecutorService pool = Executors.newFixedThreadPool(pushers);
    try {
      List<Future<PushJob.PushResult>> pushes = new java.util.ArrayList<>();
      for (int i = 0; i < pushers; i++) {
        pushes.add(pool.submit(() -> {
          start.await();
          return PushJob.run(settings, quiet());
        }));
      }
      for (Future<PushJob.PushResult> push : pushes) {
        assertEquals(1, push.get().record().version());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("1"), names(serving.resolve("penguin")), "the model is published once");
  }

  @Test
  void racingPublishersNeverShareAVersionAndReadersSkipOtherEntries() throws Exception {
    ServingDirectory models = ServingDirectory.of(dir.resolve("serving"), "m");
    Files.createDirectories(models.folder().resolve(".staging-left-by-a-crash"));
    Files.createDirectories(models.folder().resolve("007"));
    Files.writeString(models.folder().resolve("latest"), "not a version");
    int publishers = 8;
    CyclicBarrier start = new CyclicBarrier(publishers);
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    try {
      List<Future<Integer>> published = new java.util.ArrayList<>();
      for (int i = 0; i < publishers; i++) {
        String id = "publisher " + i;
        published.add(pool.submit(() -> {
          Path staged = models.stage();
          Files.writeString(staged.resolve("who"), id);
          start.await();
          return models.publish(staged, number -> { });
        }));
      }
      Set<String> owners = new java.util.HashSet<>();
      for (Future<Integer> version : published) {
        owners.add(Files.readString(models.version(version.get()).resolve("who")));
      }
      assertEquals(publishers, owners.size(), "each version holds one publisher's folder");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), models.versions());
  }

  @Test
  void aPushStoppedAfterItsRenameIsRecognisedInsteadOfPublishedTwice() throws IOException {
    Path serving = dir.resolve("serving");
    PushSettings settings = new PushSettings(PENGUINS.model, null, Blessed.model(dir.resolve("blessing")), null, serving,
        "penguin");
    // A push killed right after its rename leaves exactly this: version 1 in place, recorded nowhere.
    PushJob.run(settings, quiet());
    ByteArrayOutputStream said = new ByteArrayOutputStream();

    PushJob.PushResult again = PushJob.run(settings, new Progress("push", new PrintStream(said, true, StandardCharsets.UTF_8)));

    assertEquals(1, again.record().version());
    assertEquals(serving.resolve("penguin/1"), again.path());
    assertEquals(List.of("1"), names(serving.resolve("penguin")), "the model is published once");
    assertTrue(said.toString(StandardCharsets.UTF_8).contains("is already penguin version 1"), said.toString(StandardCharsets.UTF_8));

    // A different model on top makes a new version; pushing the first again then is a new version too.
    PushJob.run(new PushSettings(copyOf(PENGUINS.model, dir.resolve("other")), null, settings.blessing(), null, serving,
        "penguin"), quiet());
    assertEquals(3, PushJob.run(settings, quiet()).record().version());
  }

  @Test
  void stagingFoldersLeftByStoppedPushesAreSweptAndFreshOnesKept() throws IOException {
    Path serving = dir.resolve("serving");
    Path stale = Files.createDirectories(serving.resolve("penguin/.staging-killed-mid-copy"));
    Files.writeString(stale.resolve("model.pb"), "half a model");
    FileTime hoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Files.setLastModifiedTime(stale.resolve("model.pb"), hoursAgo);
    Files.setLastModifiedTime(stale, hoursAgo);
    Path copying = Files.createDirectories(serving.resolve("penguin/.staging-still-copying"));
    Files.writeString(copying.resolve("model.pb"), "being written");
    Files.setLastModifiedTime(copying, hoursAgo);   // created long ago, but a file in it changed just now

    CliRun run = push("--blessing=" + Blessed.model(dir.resolve("blessing")), "--serving-dir=" + serving);

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(Files.exists(stale), "swept");
    assertTrue(Files.exists(copying.resolve("model.pb")), "a push still copying is left alone");
    assertTrue(run.err().contains("removed " + stale + ", left by a push stopped before it was published"), run.err());
  }

  @Test
  void symbolicLinksInTheArtifactAreNotFollowed() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "not for serving");
    Path transform = copyOf(PENGUINS.transform, dir.resolve("transform"));
    Files.createSymbolicLink(transform.resolve("hostname"), secret);
    Path serving = dir.resolve("serving");

    CliRun run = push("--transform=" + transform, "--blessing=" + Blessed.model(dir.resolve("blessing")),
        "--serving-dir=" + serving);

    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().contains(transform.resolve("hostname") + " is a symbolic link (to " + secret + "): the Pusher"
        + " follows no links"), run.err());
    assertEquals(List.of(), names(serving.resolve("penguin")), "nothing published, no staging folder left");
  }

  @Test
  void badModelNameIsAUsageError() {
    CliRun run = push("--blessing=" + dir, "--serving-dir=" + dir, "--model-name=../escape");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("model name '../escape' is not a folder name"), run.err());
  }

  private static CliRun push(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("push", "--model=" + PENGUINS.model));
    args.addAll(List.of(more));
    if (args.stream().noneMatch(a -> a.startsWith("--model-name"))) {
      args.add("--model-name=penguin");
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private static Progress quiet() {
    return new Progress("push", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** A copy of an artifact folder (its files, one level deep) at {@code to}: another artifact with the same content. */
  private static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    }
    return to;
  }

  /** What a folder holds, but for the publication lock file a push leaves in a model's folder. */
  private static List<String> names(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(ServingDirectory.LOCK_FILE))
          .sorted().collect(Collectors.toList());
    }
  }
}
