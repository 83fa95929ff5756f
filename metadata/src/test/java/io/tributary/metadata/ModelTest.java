package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model records validate on construction, before anything reaches a store. */
class ModelTest {
  @Test
  void valuesAreTypedAndJsonMustParse() {
    assertEquals(PropertyType.INT, Value.of(3).type());
    assertEquals(3.0, Value.of(3).asDouble());
    assertEquals(Long.MAX_VALUE, Value.of(Long.MAX_VALUE).asLong());
    assertThrows(IllegalStateException.class, () -> Value.of("3").asLong());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.json("{not json"));
    assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Value(PropertyType.INT, "3"));
    assertThrows(NullPointerException.class, () -> Value.of((String) null));
  }

  @Test
  void typeChecksDeclaredProperties() {
    NodeType blessing = NodeType.artifact("ModelBlessing").withProperty("blessed", PropertyType.INT);
    blessing.check(Map.of("blessed", Value.of(1)));
    assertThrows(IllegalArgumentException.class, () -> blessing.check(Map.of("blessed", Value.of(1.0))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> blessing.check(Map.of("other", Value.of(1))));
    assertTrue(e.getMessage().contains("declares no property 'other'"), e.getMessage());
  }

  @Test
  void namesUseASafeAlphabet() {
    assertEquals("penguin-2026-11-22T08:00:00.123Z", Context.of("pipeline_run", "penguin-2026-11-22T08:00:00.123Z").name());
    for (String bad : new String[] {"", " x", "a b", "a;b", "a'b", "a\"b", "-x".repeat(200)}) {
      assertThrows(IllegalArgumentException.class, () -> Context.of("pipeline", bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Context.of("pipeline", null));
    assertThrows(IllegalArgumentException.class, () -> NodeType.artifact("1Model"));
    assertThrows(IllegalArgumentException.class, () -> Event.of(1, 2, EventType.INPUT, "a/b"));
  }

  @Test
  void aPropertyCannotBeBothDeclaredAndCustom() {
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("Model", "/m")
        .withProperty("k", Value.of(1)).withCustomProperty("k", Value.of(2)));
  }

  @Test
  void urisRejectParentSegmentsAndControlCharacters() {
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("Model", "a/../b"));
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("Model", ".."));
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("Model", "/m\n/x"));
    assertThrows(IllegalArgumentException.class, () -> Artifact.of("Model", " "));
    assertEquals("gs://bucket/m/1", Artifact.of("Model", "gs://bucket/m/1").uri());
  }

  @Test
  void storeConfigFindsTheHomeAndHidesPasswords() {
    assertEquals(Path.of("/srv/t"), StoreConfig.defaultHome(Map.of("TRIBUTARY_HOME", "/srv/t")));
    assertEquals(Path.of(System.getProperty("user.home"), ".tributary"), StoreConfig.defaultHome(Map.of()));
    assertEquals(Path.of("/srv/t/metadata.sqlite"), StoreConfig.inHome(Path.of("/srv/t")).sqliteFile());
    StoreConfig pg = StoreConfig.url("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=false");
    assertEquals("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=false", pg.location());
    assertTrue(pg.readOnly().isReadOnly());
  }

  @Test
  void queryLimitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Query.all().limit(0));
    assertThrows(IllegalArgumentException.class, () -> Query.all().inContext(0));
  }
}
