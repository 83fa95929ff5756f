package io.tributary.jobs.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.testing.LocalHdfs;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link StagedOutput} with its folders on a real HDFS: published by one namenode rename, or not at all. */
@ExtendWith(LocalHdfs.class)
class StagedOutputOnHdfsTest {

  private LocalHdfs.Cluster hdfs;
  private String dir;

  @BeforeEach
  void register(LocalHdfs.Cluster cluster) {
    hdfs = cluster;
    JobFileSystems.register(cluster.configure(PipelineOptionsFactory.create()));
    dir = cluster.newFolder("staged");
  }

  @Test
  void nothingIsVisibleUntilPublished() throws IOException {
    String target = dir + "/out";
    StagedOutput out = StagedOutput.begin(target, false);
    assertTrue(out.stagingUri().startsWith(dir + "/.out.staging-"), out.stagingUri());
    ArtifactFiles.writeText(out.stagingUri() + "/Split-train/part", "data");
    assertFalse(hdfs.exists(target));
    out.publish();
    assertEquals("data", ArtifactFiles.readText(target + "/Split-train/part"));
    assertEquals(List.of("out"), hdfs.list(dir), "no staging folder is left behind");
    assertThrows(IllegalStateException.class, out::target, "an HDFS folder has no local path");
  }

  @Test
  void abandonLeavesNothing() throws IOException {
    StagedOutput out = StagedOutput.begin(dir + "/out", false);
    ArtifactFiles.writeText(out.stagingUri() + "/Split-train/x", "half");
    out.abandon();
    out.abandon();
    assertEquals(List.of(), hdfs.list(dir));
  }

  @Test
  void anExistingOutputIsKeptUntilTheNewOneIsPublished() throws IOException {
    String target = dir + "/out";
    ArtifactFiles.writeText(target + "/old", "old");
    assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(target, false));
    StagedOutput replacing = StagedOutput.begin(target, true);
    ArtifactFiles.writeText(replacing.stagingUri() + "/new", "new");
    assertEquals(List.of("old"), hdfs.list(target));
    replacing.publish();
    assertEquals(List.of("new"), hdfs.list(target));
    assertEquals(List.of("out"), hdfs.list(dir));
  }

  @Test
  void aTargetThatAppearedIsNeitherReplacedNorFilledAndTheOthersMoveBack() throws IOException {
    StagedOutput first = StagedOutput.begin(dir + "/examples", false);
    StagedOutput late = StagedOutput.begin(dir + "/blocked", false);
    ArtifactFiles.writeText(first.stagingUri() + "/a", "a");
    ArtifactFiles.writeText(late.stagingUri() + "/mine", "mine");
    ArtifactFiles.writeText(dir + "/blocked/someone-else", "x");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StagedOutput.publishTogether(List.of(first, late)));
    assertTrue(e.getMessage().contains("appeared while the job ran"), e.getMessage());
    assertFalse(hdfs.exists(dir + "/examples"), "the first output is not left published");
    assertEquals(List.of("someone-else"), hdfs.list(dir + "/blocked"));
    List.of(first, late).forEach(StagedOutput::abandon);
    assertEquals(List.of("blocked"), hdfs.list(dir));
  }

  /** HDFS's FileSystem.rename would move the folder inside an existing one; Folders.move must not. */
  @Test
  void aFolderIsNeverMovedIntoAnExistingOne() throws IOException {
    ArtifactFiles.writeText(dir + "/staging/part", "new");
    ArtifactFiles.writeText(dir + "/target/other", "other");
    Folders folders = Folders.of(dir);
    assertThrows(IOException.class, () -> folders.move(dir + "/staging", dir + "/target"));
    assertEquals(List.of("other"), hdfs.list(dir + "/target"));
    assertEquals(List.of("part"), hdfs.list(dir + "/staging"));
    assertEquals(List.of("staging", "target"), folders.subfolders(dir));
  }
}
