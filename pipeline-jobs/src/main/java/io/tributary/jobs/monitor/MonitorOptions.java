package io.tributary.jobs.monitor;

import io.tributary.jobs.options.TributaryOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary monitor}; each getter's description is its help text. */
public interface MonitorOptions extends TributaryOptions {

  @Validation.Required
  @Description("The request log folder (tributary serve --logDir): <logDir>/<model>/span-<yyyyMMddHHmm>/*.avro.")
  String getLogDir();

  void setLogDir(String dir);

  @Validation.Required
  @Description("Output folder: alerts.json, monitoring.html and spans/<span>/. Must not exist"
      + " yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("The served model's name (its folder in --logDir). Default: the only model logged there.")
  String getModel();

  void setModel(String model);

  @Description("The version whose requests are watched. Default: the newest version found in the log spans.")
  Long getModelVersion();

  void setModelVersion(Long version);

  @Description("Span numbers to watch, comma-separated (e.g. 202612072000). Default: every span holding requests"
      + " of the version. Drift of the first one is measured against the span before it when the log has it.")
  List<String> getSpans();

  void setSpans(List<String> spans);

  @Description("The serving directory the model server reads (tributary serve --models): tells apart pushes"
      + " of the same model name to several serving directories. Optional.")
  String getModels();

  void setModels(String models);

  @Description("Override: the statistics of the training data (StatisticsGen's output folder) instead of those"
      + " found through lineage from the pushed model version. Needs --schema too.")
  String getTrainingStatistics();

  void setTrainingStatistics(String statistics);

  @Description("Override: the training schema (schema.json or SchemaGen's output folder) instead of the one found"
      + " through lineage. Needs --trainingStatistics too.")
  String getSchema();

  void setSchema(String schema);

  @Description("The split of the training statistics served data is compared with (skew).")
  @Default.String("train")
  String getTrainingSplit();

  void setTrainingSplit(String split);

  @Description("Ground truth that arrived later: a CSV or JSON-lines file or glob with the key columns and the"
      + " label; gives realized metrics per span.")
  String getLabels();

  void setLabels(String labels);

  @Description("The key columns labels are joined on, comma-separated. Default: request_id,request_instance"
      + " (request_id alone when the labels have no request_instance).")
  List<String> getLabelKey();

  void setLabelKey(List<String> columns);

  @Description("The label column of --labels. Default: the model's label.")
  String getLabelColumn();

  void setLabelColumn(String column);

  @Description("Classification: alert when a span's realized accuracy is below this (0 to 1).")
  Double getMinAccuracy();

  void setMinAccuracy(Double accuracy);

  @Description("Regression: alert when a span's realized RMSE is above this.")
  Double getMaxRmse();

  void setMaxRmse(Double rmse);

  @Description("Tributary home holding metadata.sqlite (default: $TRIBUTARY_HOME or ~/.tributary).")
  String getHome();

  void setHome(String home);

  @Description("Use this metadata store instead of the home's, e.g. jdbc:postgresql://host:5432/db?user=u&password=p.")
  String getMetadataUrl();

  void setMetadataUrl(String url);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
