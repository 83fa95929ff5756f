package org.example.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime dependency tree of tributary-beam-transforms, as a Beam project resolves it. Measured
 * when the ML stack and Parquet became optional: 37 jars, 59 MB, Beam's core included (90 jars and
 * 137 MB before). The limits leave a margin; raising them is a decision for review, not a number to
 * bump.
 */
class FootprintTest {
  private static final int MAX_JARS = 42;
  private static final long MAX_BYTES = 70L * 1024 * 1024;
  /** The ML stack, Parquet/Hadoop and Scala: each only for users who ask for it. */
  private static final Pattern OPTIONAL_ONLY =
      Pattern.compile("xgboost|tribuo|kryo|scala-|hadoop|parquet|olcut|protobuf-java");

  private static List<Path> runtimeJars() throws IOException {
    String classpath = Files.readString(Path.of(System.getProperty("runtimeClasspathFile"))).trim();
    return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
  }

  @Test
  void staysWithinTheAgreedSize() throws IOException {
    List<Path> jars = runtimeJars();
    long bytes = 0;
    for (Path jar : jars) {
      bytes += Files.size(jar);
    }
    String summary = jars.size() + " jars, " + bytes / (1024 * 1024) + " MB";
    System.out.println("tributary-beam-transforms runtime classpath: " + summary);
    assertTrue(jars.size() <= MAX_JARS, summary + ": more than " + MAX_JARS + " jars");
    assertTrue(bytes <= MAX_BYTES, summary + ": more than " + MAX_BYTES / (1024 * 1024) + " MB");
  }

  @Test
  void bringsNoMachineLearningStackParquetOrScala() throws IOException {
    List<String> unwanted =
        runtimeJars().stream()
            .map(jar -> jar.getFileName().toString())
            .filter(name -> OPTIONAL_ONLY.matcher(name).find())
            .toList();
    assertEquals(List.of(), unwanted, "optional for a user, yet on the runtime classpath");
  }
}
