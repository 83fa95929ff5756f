package io.tributary.metadata;

import static io.tributary.metadata.WellKnownTypes.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every backend must have: types, writes, reads, queries, transactions and bad input.
 * Lineage and the driver's questions are in {@link LineageContract}.
 */
abstract class MetadataStoreContract extends StoreTestBase {

  @Test
  void recordsTheSchemaVersion() {
    assertEquals("1", store.schemaVersion());
  }

  @Test
  void registeringTheSameTypeTwiceIsIdempotent() {
    NodeType blessing = WellKnownTypes.ALL.stream()
        .filter(t -> t.name().equals(WellKnownTypes.MODEL_BLESSING)).findFirst().orElseThrow();
    assertEquals(blessing, store.registerType(blessing));
    assertEquals(blessing, store.getType(TypeKind.ARTIFACT, WellKnownTypes.MODEL_BLESSING));
    assertEquals(1, store.types(TypeKind.ARTIFACT).stream()
        .filter(t -> t.name().equals(WellKnownTypes.MODEL_BLESSING)).count());
  }

  @Test
  void aConflictingTypeDefinitionIsAnErrorAndChangesNothing() {
    MetadataException e = assertThrows(MetadataException.class,
        () -> store.registerType(NodeType.artifact(MODEL).withProperty("blessed", PropertyType.STRING)));
    assertTrue(e.getMessage().contains("already registered"), e.getMessage());
    assertEquals(Map.of(), store.getType(TypeKind.ARTIFACT, MODEL).properties());
  }

  @Test
  void sameNameDifferentKindIsADifferentType() {
    store.registerType(NodeType.execution(MODEL));
    assertEquals(TypeKind.EXECUTION, store.getType(TypeKind.EXECUTION, MODEL).kind());
  }

  @Test
  void storesAndReadsAnArtifactWithAllPropertyTypes() {
    Artifact stored = store.putArtifact(Artifact.of(WellKnownTypes.EXAMPLES, "/root/ExampleGen/examples/1")
        .withName("examples-1")
        .withProperty("span", Value.of(7))
        .withCustomProperty("ratio", Value.of(0.25))
        .withCustomProperty("splits", Value.of("train,eval"))
        .withCustomProperty("stats", Value.json("{\"rows\": 344}")));
    assertTrue(stored.id() > 0);
    assertNotNull(stored.createTime());
    Artifact read = store.getArtifact(stored.id());
    assertEquals(stored, read);
    assertEquals(7, read.properties().get("span").asLong());
    assertEquals(0.25, read.customProperties().get("ratio").asDouble());
    assertEquals(PropertyType.JSON, read.customProperties().get("stats").type());
    assertEquals(ArtifactState.PENDING, read.state());
  }

  @Test
  void updatesKeepTheIdAndCreateTime() {
    Artifact a = store.putArtifact(Artifact.of(MODEL, "/m/1"));
    Artifact live = store.putArtifact(a.withState(ArtifactState.LIVE).withCustomProperty("k", Value.of(1)));
    assertEquals(a.id(), live.id());
    assertEquals(a.createTime(), live.createTime());
    assertFalse(live.updateTime().isBefore(a.updateTime()));
    assertEquals(ArtifactState.LIVE, store.getArtifact(a.id()).state());
    assertEquals(1, store.findArtifacts(Query.all().withType(MODEL)).size());
  }

  @Test
  void undeclaredOrMistypedPropertiesAreRejected() {
    MetadataException undeclared = assertThrows(MetadataException.class,
        () -> store.putArtifact(Artifact.of(MODEL, "/m").withProperty("nope", Value.of(1))));
    assertTrue(undeclared.getMessage().contains("custom property"), undeclared.getMessage());
    MetadataException mistyped = assertThrows(MetadataException.class,
        () -> store.putExecution(Execution.of("Trainer").withProperty("epochs", Value.of("five"))));
    assertTrue(mistyped.getMessage().contains("INT"), mistyped.getMessage());
    assertEquals(List.of(), store.findArtifacts(Query.all()));
    assertEquals(List.of(), store.findExecutions(Query.all()));
  }

  @Test
  void unknownTypesAndIdsAreClearErrors() {
    NotFoundException type = assertThrows(NotFoundException.class,
        () -> store.putArtifact(Artifact.of("Modle", "/m")));
    assertTrue(type.getMessage().contains("registerType"), type.getMessage());
    assertEquals("no artifact with id 424242",
        assertThrows(NotFoundException.class, () -> store.getArtifact(424242)).getMessage());
    assertThrows(NotFoundException.class, () -> store.getExecution(1));
    assertThrows(NotFoundException.class, () -> store.getContext(99));
    assertThrows(NotFoundException.class,
        () -> store.putArtifact(new Artifact(77, MODEL, "/m", null, ArtifactState.LIVE, Map.of(), Map.of(), null, null)));
    assertThrows(NotFoundException.class, () -> store.attribute(5, 6));
    assertThrows(NotFoundException.class, () -> store.putEvent(Event.of(1, 1, EventType.INPUT)));
    assertEquals(List.of(), store.findArtifacts(Query.all()));
  }

  @Test
  void sqlFragmentsInValuesAreStoredVerbatimAndInNamesRejected() {
    String evil = "x'); DROP TABLE artifact; --";
    Artifact a = store.putArtifact(Artifact.of(MODEL, "/m/1").withCustomProperty("note", Value.of(evil)));
    assertEquals(evil, store.getArtifact(a.id()).customProperties().get("note").asString());
    assertEquals(1, store.findArtifacts(Query.all().withProperty("note", Value.of(evil))).size());
    assertThrows(IllegalArgumentException.class, () -> Artifact.of(MODEL, "/m").withName(evil));
    assertThrows(IllegalArgumentException.class, () -> NodeType.artifact("Model; DROP TABLE artifact"));
    assertThrows(IllegalArgumentException.class,
        () -> Artifact.of(MODEL, "/m").withCustomProperty("a' OR '1'='1", Value.of(1)));
    assertThrows(IllegalArgumentException.class, () -> store.findContext("pipeline", "p' OR 1=1 --"));
    assertEquals(1, store.findArtifacts(Query.all()).size());
  }

  @Test
  void urisWithParentSegmentsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Artifact.of(MODEL, "/pipelines/p/../../etc"));
    assertTrue(e.getMessage().contains(".."), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Artifact.of(MODEL, "..\\windows"));
    assertThrows(IllegalArgumentException.class, () -> Query.all().withUri("/a/../b"));
    assertEquals("/a/..b/c..", Artifact.of(MODEL, "/a/..b/c..").uri());
  }

  @Test
  void namesAreUniquePerType() {
    store.putArtifact(Artifact.of(MODEL, "/m/1").withName("best"));
    MetadataException e = assertThrows(MetadataException.class,
        () -> store.putArtifact(Artifact.of(MODEL, "/m/2").withName("best")));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    store.putArtifact(Artifact.of(WellKnownTypes.SCHEMA, "/s/1").withName("best"));
    assertEquals(2, store.findArtifacts(Query.all()).size());
  }

  @Test
  void contextsAreUniqueByTypeAndNameAndEnsureIsIdempotent() {
    Context first = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
    Context again = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
    assertEquals(first.id(), again.id());
    assertThrows(MetadataException.class, () -> store.putContext(Context.of(WellKnownTypes.PIPELINE, "penguin")));
    Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "penguin");
    assertFalse(run.id() == first.id());
    assertEquals(first.id(), store.findContext(WellKnownTypes.PIPELINE, "penguin").orElseThrow().id());
    assertTrue(store.findContext(WellKnownTypes.PIPELINE, "other").isEmpty());
  }

  @Test
  void parentContextsRefuseCycles() {
    Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "p");
    Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "r1");
    store.setParentContext(run.id(), pipeline.id());
    store.setParentContext(run.id(), pipeline.id());
    assertEquals(List.of(pipeline), store.contextsOf(TypeKind.CONTEXT, run.id()));
    assertEquals(List.of(run.id()), store.findContexts(Query.all().inContext(pipeline.id()))
        .stream().map(Context::id).toList());
    assertThrows(MetadataException.class, () -> store.setParentContext(pipeline.id(), run.id()));
    assertThrows(MetadataException.class, () -> store.setParentContext(run.id(), run.id()));
  }

  @Test
  void publishExecutionStoresEverythingInOneGo() {
    Artifact input = store.putArtifact(Artifact.of(WellKnownTypes.EXAMPLES, "/e/1").withState(ArtifactState.LIVE));
    Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "p");
    Publication p = store.publishExecution(
        Execution.of("Trainer").withState(ExecutionState.COMPLETE).withCacheKey("k1"),
        List.of(ArtifactAndEvent.input(input, "examples", "train"),
            ArtifactAndEvent.output(Artifact.of(MODEL, "/m/1").withState(ArtifactState.LIVE), "model")),
        List.of(pipeline, Context.of(WellKnownTypes.PIPELINE_RUN, "r1")));
    assertEquals(2, p.artifacts().size());
    assertEquals(input, p.artifacts().get(0));
    assertEquals(List.of("examples", "train"), store.events(TypeKind.ARTIFACT, input.id()).get(0).path());
    assertEquals(2, store.events(TypeKind.EXECUTION, p.execution().id()).size());
    Context run = store.findContext(WellKnownTypes.PIPELINE_RUN, "r1").orElseThrow();
    assertEquals(List.of(p.execution()), store.findExecutions(Query.all().inContext(run.id())));
    assertEquals(2, store.findArtifacts(Query.all().inContext(pipeline.id())).size());
    assertEquals(List.of(pipeline.id(), run.id()),
        store.contextsOf(TypeKind.ARTIFACT, p.artifacts().get(1).id()).stream().map(Context::id).toList());
  }

  @Test
  void publishingARunningExecutionCompletesItAndItsPendingOutputs() {
    Execution running = store.putExecution(Execution.of("Trainer").withState(ExecutionState.RUNNING)
        .withProperty("epochs", Value.of(5)));
    Artifact pending = store.putArtifact(Artifact.of(MODEL, "/m/1"));
    Publication p = store.publishExecution(running.withState(ExecutionState.COMPLETE),
        List.of(ArtifactAndEvent.output(pending.withState(ArtifactState.LIVE), "model")), List.of());
    assertEquals(running.id(), p.execution().id());
    assertEquals(ExecutionState.COMPLETE, store.getExecution(running.id()).state());
    assertEquals(5, store.getExecution(running.id()).properties().get("epochs").asLong());
    assertEquals(ArtifactState.LIVE, store.getArtifact(pending.id()).state());
    assertEquals(1, store.findArtifacts(Query.all()).size());
  }

  @Test
  void reopeningKeepsDataAndTheRecordedSchemaVersion() throws Exception {
    Artifact a = store.putArtifact(Artifact.of(MODEL, "/m/1"));
    StoreConfig config = store.config();
    store.close();
    store = MetadataStore.open(config);
    assertEquals(a, store.getArtifact(a.id()));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.url())) {
      if (config.schema() != null) {
        c.setSchema(config.schema());
      }
      try (java.sql.ResultSet rs = c.createStatement().executeQuery(
          "SELECT version, success FROM metadata_schema_history WHERE version IS NOT NULL")) {
        assertTrue(rs.next());
        assertEquals("1", rs.getString(1));
        assertTrue(rs.getBoolean(2));
        assertFalse(rs.next(), "migrations ran once");
      }
    }
  }

  @Test
  void aFailedPublishLeavesNothingBehind() {
    Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "p");
    assertThrows(MetadataException.class, () -> store.publishExecution(
        Execution.of("Trainer").withState(ExecutionState.COMPLETE),
        List.of(ArtifactAndEvent.output(Artifact.of(MODEL, "/m/1").withState(ArtifactState.LIVE), "model"),
            ArtifactAndEvent.output(Artifact.of(MODEL, "/m/2").withProperty("bad", Value.of(1)), "model")),
        List.of(pipeline, Context.of(WellKnownTypes.PIPELINE_RUN, "r1"))));
    assertEquals(List.of(), store.findExecutions(Query.all()));
    assertEquals(List.of(), store.findArtifacts(Query.all()));
    assertTrue(store.findContext(WellKnownTypes.PIPELINE_RUN, "r1").isEmpty());
  }

  @Test
  void queriesFilterByTypeUriStatePropertyAndContextNewestFirst() {
    Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "r");
    Artifact m1 = store.putArtifact(Artifact.of(MODEL, "/m/1").withState(ArtifactState.LIVE)
        .withCustomProperty("acc", Value.of(0.9)));
    Artifact m2 = store.putArtifact(Artifact.of(MODEL, "/m/2").withCustomProperty("acc", Value.of(0.8)));
    Artifact s = store.putArtifact(Artifact.of(WellKnownTypes.SCHEMA, "/m/1").withState(ArtifactState.LIVE));
    store.attribute(run.id(), m2.id());
    assertEquals(List.of(m2.id(), m1.id()), ids(store.findArtifacts(Query.all().withType(MODEL))));
    assertEquals(List.of(s.id(), m1.id()), ids(store.findArtifacts(Query.all().withUri("/m/1"))));
    assertEquals(List.of(s.id(), m1.id()), ids(store.findArtifacts(Query.all().withState(ArtifactState.LIVE))));
    assertEquals(List.of(m1.id()), ids(store.findArtifacts(Query.all().withProperty("acc", Value.of(0.9)))));
    assertEquals(List.of(m2.id()), ids(store.findArtifacts(Query.all().inContext(run.id()))));
    assertEquals(List.of(s.id()), ids(store.findArtifacts(Query.all().limit(1))));
    assertEquals(List.of(), store.findArtifacts(Query.all().withProperty("acc", Value.of("0.9"))));
    assertThrows(NotFoundException.class, () -> store.findArtifacts(Query.all().withType("Nope")));
    assertThrows(IllegalArgumentException.class,
        () -> store.findExecutions(Query.all().withState(ArtifactState.LIVE)));
  }

  @Test
  void readOnlyStoreRefusesWritesAndChangesNothing() {
    Artifact a = store.putArtifact(Artifact.of(MODEL, "/m/1"));
    try (MetadataStore reader = MetadataStore.open(store.config().readOnly())) {
      assertEquals(a, reader.getArtifact(a.id()));
      MetadataException e = assertThrows(MetadataException.class,
          () -> reader.putArtifact(a.withState(ArtifactState.LIVE)));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
    assertEquals(ArtifactState.PENDING, store.getArtifact(a.id()).state());
  }

  static List<Long> ids(List<? extends Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }
}
