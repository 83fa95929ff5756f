package io.tributary.metadata;

import java.util.List;

/**
 * Type names shared by every Tributary component, following TFX so that users recognise them.
 *
 * <pre>{@code
 * WellKnownTypes.registerAll(store);
 * store.latestLiveArtifact(WellKnownTypes.SCHEMA, pipelineContext.id());
 * }</pre>
 *
 * <p><b>How a blessing names its model.</b> A {@link #MODEL_BLESSING} carries the int property
 * {@link #BLESSED} (1 blessed, 0 not) and the int property {@link #MODEL_ID}, the id of the
 * {@link #MODEL} artifact it judges. The Evaluator execution also links the two by lineage (the
 * model is its input, the blessing its output), but a direct id makes "the latest blessed model"
 * one indexed lookup and keeps it right when an Evaluator compares two models (candidate and
 * baseline) in one execution.
 */
public final class WellKnownTypes {
  // Artifact types.
  public static final String EXAMPLES = "Examples";
  public static final String EXAMPLE_STATISTICS = "ExampleStatistics";
  public static final String SCHEMA = "Schema";
  public static final String EXAMPLE_ANOMALIES = "ExampleAnomalies";
  public static final String TRANSFORM_GRAPH = "TransformGraph";
  public static final String MODEL = "Model";
  public static final String MODEL_EVALUATION = "ModelEvaluation";
  public static final String MODEL_BLESSING = "ModelBlessing";
  public static final String INFRA_BLESSING = "InfraBlessing";
  public static final String PUSHED_MODEL = "PushedModel";
  public static final String HYPER_PARAMETERS = "HyperParameters";
  public static final String INFERENCE_RESULT = "InferenceResult";
  /** A raw file read from outside the pipeline (ExampleGen's CSV): where lineage ends. */
  public static final String EXTERNAL_FILE = "ExternalFile";

  // Context types.
  public static final String PIPELINE = "pipeline";
  public static final String PIPELINE_RUN = "pipeline_run";
  public static final String COMPONENT = "component";

  /** Int property of ModelBlessing and InfraBlessing: 1 if blessed, 0 if not. */
  public static final String BLESSED = "blessed";

  /** Int property of ModelBlessing and PushedModel: id of the Model artifact concerned. */
  public static final String MODEL_ID = "model_id";

  /** Every well-known artifact and context type with its declared properties. */
  public static final List<NodeType> ALL =
      List.of(
          NodeType.artifact(EXAMPLES).withProperty("span", PropertyType.INT),
          NodeType.artifact(EXAMPLE_STATISTICS),
          NodeType.artifact(SCHEMA),
          NodeType.artifact(EXAMPLE_ANOMALIES),
          NodeType.artifact(TRANSFORM_GRAPH),
          NodeType.artifact(MODEL),
          NodeType.artifact(MODEL_EVALUATION),
          NodeType.artifact(MODEL_BLESSING)
              .withProperty(BLESSED, PropertyType.INT)
              .withProperty(MODEL_ID, PropertyType.INT),
          NodeType.artifact(INFRA_BLESSING).withProperty(BLESSED, PropertyType.INT),
          NodeType.artifact(PUSHED_MODEL).withProperty(MODEL_ID, PropertyType.INT),
          NodeType.artifact(HYPER_PARAMETERS),
          NodeType.artifact(INFERENCE_RESULT),
          NodeType.artifact(EXTERNAL_FILE),
          NodeType.context(PIPELINE),
          NodeType.context(PIPELINE_RUN),
          NodeType.context(COMPONENT));

  private WellKnownTypes() {}

  /** Registers {@link #ALL} (idempotent; fails only if a conflicting definition exists). */
  public static void registerAll(MetadataStore store) {
    ALL.forEach(store::registerType);
  }
}
