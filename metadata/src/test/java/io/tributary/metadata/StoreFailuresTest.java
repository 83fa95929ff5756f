package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores that cannot be used: each fails at once with one clear line and changes nothing. */
class StoreFailuresTest {
  @TempDir Path dir;

  @Test
  void aCorruptedSqliteFileIsReportedAndLeftAlone() throws Exception {
    Path file = dir.resolve(StoreConfig.SQLITE_FILE);
    byte[] garbage = "this is not a database, just some text that is long enough to be a header".repeat(20)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Files.write(file, garbage);
    MetadataException e = assertThrows(MetadataException.class, () -> MetadataStore.open(StoreConfig.inHome(dir)));
    assertTrue(e.getMessage().contains("not a SQLite database or is corrupted"), e.getMessage());
    assertTrue(e.getMessage().contains("move it aside"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertArrayEquals(garbage, Files.readAllBytes(file));
    assertEquals(List.of(file.getFileName().toString()), listing(dir));
  }

  @Test
  void aTruncatedSqliteFileIsReported() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
    }
    Path file = config.sqliteFile();
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 100);
    java.util.Arrays.fill(head, 0, 16, (byte) 'x'); // destroy the magic header
    Files.write(file, head);
    MetadataException e = assertThrows(MetadataException.class, () -> MetadataStore.open(config));
    assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
  }

  @Test
  void readOnlyOpenOfAnEmptyStoreSaysWhatToDo() throws Exception {
    Path file = Files.createFile(dir.resolve(StoreConfig.SQLITE_FILE));
    MetadataException e = assertThrows(MetadataException.class,
        () -> MetadataStore.open(StoreConfig.inHome(dir).readOnly()));
    assertTrue(e.getMessage().contains("is empty: run a pipeline first"), e.getMessage());
    assertEquals(0, Files.size(file));
  }

  @Test
  void readOnlyOpenOfAMissingStoreSaysWhatToDo() {
    MetadataException e = assertThrows(MetadataException.class,
        () -> MetadataStore.open(StoreConfig.inHome(dir.resolve("nowhere")).readOnly()));
    assertTrue(e.getMessage().startsWith("no metadata store at"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("nowhere")));
  }

  @Test
  void aReadOnlyFileRefusesWritesAndChangesNothing() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    Artifact a;
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      a = store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/m"));
    }
    Path file = config.sqliteFile();
    byte[] before = Files.readAllBytes(file);
    makeReadOnly(file);
    try (MetadataStore store = MetadataStore.open(config)) {
      assertEquals(a, store.getArtifact(a.id()));
      MetadataException e = assertThrows(MetadataException.class,
          () -> store.putArtifact(a.withState(ArtifactState.LIVE)));
      assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
      assertEquals(ArtifactState.PENDING, store.getArtifact(a.id()).state());
    } finally {
      undoReadOnly(file);
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  /** Clears the write bits; as root, which ignores them, also sets the immutable attribute. */
  private static void makeReadOnly(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    if (Files.isWritable(file)) {
      Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start();
      assumeTrue(chattr.waitFor() == 0, "cannot make a file read-only for root here (chattr failed)");
    }
  }

  private static void undoReadOnly(Path file) throws Exception {
    new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void anUnreachablePostgresServerIsOneClearLine() {
    long start = System.nanoTime();
    MetadataException e = assertThrows(MetadataException.class,
        () -> MetadataStore.open(StoreConfig.url("jdbc:postgresql://127.0.0.1:9/nowhere?user=u&password=secret")));
    assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL at"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), "the password must not leak: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "gave up too slowly");
  }

  @Test
  void aWrongPostgresPasswordIsReported() {
    String url = Backends.postgresUrl().replaceAll("password=[^&]*", "password=wrong");
    MetadataException e = assertThrows(MetadataException.class, () -> MetadataStore.open(StoreConfig.url(url)));
    assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
    assertFalse(e.getMessage().contains("password=wrong"), e.getMessage());
  }

  @Test
  void unsupportedUrlsAreRejectedWithTheFormatsThatWork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StoreConfig.url("jdbc:mysql://db/x?password=hunter2"));
    assertTrue(e.getMessage().contains("jdbc:sqlite:<file>"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
    assertThrows(IllegalArgumentException.class, () -> StoreConfig.inHome(dir).withSchema("s"));
  }

  private static List<String> listing(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
