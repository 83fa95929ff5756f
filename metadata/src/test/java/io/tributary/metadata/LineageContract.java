package io.tributary.metadata;

import static io.tributary.metadata.MetadataStoreContract.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lineage and the driver's questions on a small TFX-like graph:
 *
 * <pre>
 *   examples -> [Trainer] -> model -> [Evaluator] -> blessing -> [Pusher] -> pushed
 *   schema  ----^                                     (model)  ----^
 * </pre>
 */
abstract class LineageContract extends StoreTestBase {

  private Context pipeline;
  private Artifact examples;
  private Artifact schema;
  private Publication trainer;
  private Publication evaluator;
  private Publication pusher;

  private void buildGraph(int blessed) {
    pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
    examples = store.putArtifact(live(WellKnownTypes.EXAMPLES, "/p/ExampleGen/examples/1"));
    schema = store.putArtifact(live(WellKnownTypes.SCHEMA, "/p/SchemaGen/schema/2"));
    trainer = store.publishExecution(
        Execution.of("Trainer").withState(ExecutionState.COMPLETE).withCacheKey("train-key"),
        List.of(ArtifactAndEvent.input(examples, "examples"), ArtifactAndEvent.input(schema, "schema"),
            ArtifactAndEvent.output(live(WellKnownTypes.MODEL, "/p/Trainer/model/3"), "model")),
        List.of(pipeline));
    Artifact model = trainer.artifacts().get(2);
    evaluator = store.publishExecution(
        Execution.of("Evaluator").withState(ExecutionState.COMPLETE),
        List.of(ArtifactAndEvent.input(model, "model"),
            ArtifactAndEvent.output(live(WellKnownTypes.MODEL_BLESSING, "/p/Evaluator/blessing/4")
                .withProperty(WellKnownTypes.BLESSED, Value.of(blessed))
                .withProperty(WellKnownTypes.MODEL_ID, Value.of(model.id())), "blessing")),
        List.of(pipeline));
    pusher = store.publishExecution(
        Execution.of("Pusher").withState(ExecutionState.COMPLETE),
        List.of(ArtifactAndEvent.input(model, "model"), ArtifactAndEvent.input(evaluator.artifacts().get(1), "blessing"),
            ArtifactAndEvent.output(live(WellKnownTypes.PUSHED_MODEL, "/p/Pusher/pushed/5")
                .withProperty(WellKnownTypes.MODEL_ID, Value.of(model.id())), "pushed_model")),
        List.of(pipeline));
  }

  private static Artifact live(String type, String uri) {
    return Artifact.of(type, uri).withState(ArtifactState.LIVE);
  }

  private Artifact model() {
    return trainer.artifacts().get(2);
  }

  @Test
  void upstreamLineageOfTheModelIsTrainerAndItsInputs() {
    buildGraph(1);
    LineageGraph g = store.lineage(model(), LineageDirection.UPSTREAM, 5);
    assertEquals(List.of(examples.id(), schema.id(), model().id()), ids(g.artifacts()));
    assertEquals(List.of(trainer.execution().id()), ids(g.executions()));
    assertEquals(3, g.events().size());
  }

  @Test
  void hopLimitStopsTheWalk() {
    buildGraph(1);
    Artifact pushed = pusher.artifacts().get(2);
    assertEquals(List.of(pushed.id()), ids(store.lineage(pushed, LineageDirection.UPSTREAM, 0).artifacts()));
    LineageGraph one = store.lineage(pushed, LineageDirection.UPSTREAM, 1);
    assertEquals(List.of(pushed.id()), ids(one.artifacts()));
    assertEquals(List.of(pusher.execution().id()), ids(one.executions()));
    LineageGraph two = store.lineage(pushed, LineageDirection.UPSTREAM, 2);
    assertEquals(List.of(model().id(), evaluator.artifacts().get(1).id(), pushed.id()), ids(two.artifacts()));
    LineageGraph all = store.lineage(pushed, LineageDirection.UPSTREAM, 10);
    assertEquals(5, all.artifacts().size());
    assertEquals(3, all.executions().size());
  }

  @Test
  void downstreamLineageOfTheExamplesReachesThePushedModel() {
    buildGraph(1);
    LineageGraph g = store.lineage(examples, LineageDirection.DOWNSTREAM, 5);
    assertTrue(ids(g.artifacts()).contains(pusher.artifacts().get(2).id()));
    assertFalse(ids(g.artifacts()).contains(schema.id()), "schema is a sibling input, not downstream");
    LineageGraph fromExecution = store.lineage(trainer.execution(), LineageDirection.DOWNSTREAM, 1);
    assertEquals(List.of(model().id()), ids(fromExecution.artifacts()));
  }

  @Test
  void bothDirectionsReachProducersConsumersAndSiblingInputs() {
    buildGraph(1);
    LineageGraph g = store.lineage(model(), LineageDirection.BOTH, 2);
    // Up: Trainer and its inputs; down: Evaluator, Pusher and what they wrote.
    assertEquals(List.of(trainer.execution().id(), evaluator.execution().id(), pusher.execution().id()),
        ids(g.executions()));
    assertEquals(List.of(examples.id(), schema.id(), model().id(), evaluator.artifacts().get(1).id(),
        pusher.artifacts().get(2).id()), ids(g.artifacts()));
  }

  @Test
  void lineageRejectsBadArguments() {
    buildGraph(1);
    assertThrows(IllegalArgumentException.class, () -> store.lineage(model(), LineageDirection.UPSTREAM, -1));
    assertThrows(NotFoundException.class, () -> store.lineage(
        new Artifact(999, WellKnownTypes.MODEL, "/x", null, ArtifactState.LIVE, java.util.Map.of(), java.util.Map.of(), null, null),
        LineageDirection.UPSTREAM, 3));
    assertThrows(IllegalArgumentException.class, () -> store.lineage(pipeline, LineageDirection.UPSTREAM, 3));
  }

  @Test
  void latestLiveArtifactOfTypeInContext() {
    buildGraph(1);
    assertEquals(model(), store.latestLiveArtifact(WellKnownTypes.MODEL, pipeline.id()).orElseThrow());
    Publication retrain = store.publishExecution(
        Execution.of("Trainer").withState(ExecutionState.COMPLETE),
        List.of(ArtifactAndEvent.output(Artifact.of(WellKnownTypes.MODEL, "/p/Trainer/model/9"), "model")),
        List.of(pipeline));
    // The newer model is still PENDING: the LIVE one stays the answer until it is published.
    assertEquals(model().id(), store.latestLiveArtifact(WellKnownTypes.MODEL, pipeline.id()).orElseThrow().id());
    store.putArtifact(retrain.artifacts().get(0).withState(ArtifactState.LIVE));
    assertEquals(retrain.artifacts().get(0).id(),
        store.latestLiveArtifact(WellKnownTypes.MODEL, pipeline.id()).orElseThrow().id());
  }

  @Test
  void latestBlessedModelFollowsTheBlessingsModelId() {
    buildGraph(1);
    assertEquals(model(), store.latestBlessedModel("penguin").orElseThrow());
    assertTrue(store.latestBlessedModel("no-such-pipeline").isEmpty());
    store.putArtifact(model().withState(ArtifactState.DELETED));
    assertTrue(store.latestBlessedModel("penguin").isEmpty());
  }

  @Test
  void anExcludedModelIsPassedOver() {
    buildGraph(1);
    assertTrue(store.latestBlessedModel("penguin", java.util.Set.of(model().id())).isEmpty());
    assertEquals(model(), store.latestBlessedModel("penguin", java.util.Set.of(model().id() + 1000)).orElseThrow());
  }

  @Test
  void anUnblessedModelIsNotTheLatestBlessedModel() {
    buildGraph(0);
    assertTrue(store.latestBlessedModel("penguin").isEmpty());
  }

  @Test
  void cachedExecutionNeedsCompleteStateTheKeyAndLiveOutputs() {
    buildGraph(1);
    assertEquals(trainer.execution().id(), store.findCachedExecution("train-key").orElseThrow().id());
    assertTrue(store.findCachedExecution("other-key").isEmpty());
    store.putArtifact(model().withState(ArtifactState.MARKED_FOR_DELETION));
    assertTrue(store.findCachedExecution("train-key").isEmpty());
    store.putArtifact(model().withState(ArtifactState.LIVE));
    store.putExecution(store.getExecution(trainer.execution().id()).withState(ExecutionState.FAILED));
    assertTrue(store.findCachedExecution("train-key").isEmpty());
  }
}
