package io.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing a jar with a local cluster: one copy per checksum, and a link jar a class loader follows. */
class ClusterJarTest {

  @TempDir Path dir;

  @Test
  void aClassLoaderOfTheLinkJarReadsTheSharedCopy() throws IOException {
    Path jar = jarWith("build-1/tributary.jar", "greeting.txt", "hello");

    ClusterJar shared = ClusterJar.share(jar, dir.resolve("shared"));

    assertTrue(Files.size(shared.link()) < 1_000, "the link jar holds only a manifest");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {shared.link().toUri().toURL()}, null)) {
      URL greeting = loader.getResource("greeting.txt");
      assertNotNull(greeting, "the loader follows the link jar's Class-Path");
      assertTrue(greeting.toString().contains(shared.copy().getFileName().toString()), greeting.toString());
      try (InputStream in = greeting.openStream()) {
        assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void theCopyIsNamedByChecksumSoTwoBuildsLiveSideBySide() throws IOException {
    Path folder = dir.resolve("shared");
    Path first = jarWith("build-1/tributary.jar", "greeting.txt", "hello");
    Path sameContent = jarWith("elsewhere/tributary.jar", "greeting.txt", "hello");
    Path rebuilt = jarWith("build-2/tributary.jar", "greeting.txt", "hello again");

    ClusterJar one = ClusterJar.share(first, folder);
    ClusterJar two = ClusterJar.share(sameContent, folder);
    ClusterJar three = ClusterJar.share(rebuilt, folder);

    assertEquals(one.copy(), two.copy(), "equal bytes share one copy");
    assertNotEquals(one.copy(), three.copy());
    assertTrue(Files.isRegularFile(one.copy()), "the older build's copy stays for its running jobs");
    assertTrue(one.copy().getFileName().toString().matches("tributary-[0-9a-f]{64}\\.jar"));
    assertEquals(2, copies(folder).size());
  }

  @Test
  void onlyTheMostRecentlyUsedCopiesAreKept() throws IOException {
    Path folder = dir.resolve("shared");
    ClusterJar oldest = ClusterJar.share(jarWith("b0/t.jar", "n.txt", "0"), folder);
    Files.setLastModifiedTime(oldest.copy(), FileTime.fromMillis(0));
    for (int build = 1; build <= ClusterJar.KEEP; build++) {
      ClusterJar.share(jarWith("b" + build + "/t.jar", "n.txt", "" + build), folder);
    }

    assertEquals(ClusterJar.KEEP, copies(folder).size());
    assertFalse(Files.exists(oldest.copy()));
    assertFalse(Files.exists(oldest.link()));
  }

  @Test
  void aMissingJarSaysToBuildIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterJar.share(dir.resolve("nowhere/tributary.jar"), dir.resolve("shared")));

    assertTrue(e.getMessage().contains("build it"), e.getMessage());
  }

  private List<Path> copies(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("tributary-[0-9a-f]{64}\\.jar")).toList();
    }
  }

  private Path jarWith(String name, String entry, String content) throws IOException {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
