package io.tributary.transforms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.artifacts.ArtifactFiles;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture itself: a real HDFS on 127.0.0.1 that Beam's FileSystems reach. */
@ExtendWith(LocalHdfs.class)
class LocalHdfsTest {

  @Test
  void beamWritesAFileTheNamenodeLists(LocalHdfs.Cluster hdfs) throws Exception {
    assertEquals("127.0.0.1", URI.create(hdfs.root()).getHost());
    String folder = hdfs.newFolder("fixture");
    ArtifactFiles.writeText(folder + "/a.txt", "on hdfs");
    assertEquals(List.of("a.txt"), hdfs.list(folder));
    assertEquals("on hdfs", ArtifactFiles.readText(folder + "/a.txt"));
    assertTrue(hdfs.exists(folder + "/a.txt"));
  }
}
