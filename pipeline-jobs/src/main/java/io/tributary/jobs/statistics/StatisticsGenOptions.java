package io.tributary.jobs.statistics;

import io.tributary.jobs.options.TributaryOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary statistics}; each getter's description is its help text. */
public interface StatisticsGenOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): its Split-<name>/ folders are read.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description(
      "Output folder; gets Split-<name>/statistics.json per split and statistics.html for all."
          + " Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("Splits to describe, comma-separated. Default: every Split-<name>/ folder.")
  List<String> getSplits();

  void setSplits(List<String> splits);

  @Description("Feature columns to slice by, comma-separated: statistics per value of each.")
  List<String> getSlice();

  void setSlice(List<String> columns);

  @Description("A numeric column whose values weight each row (weighted count, mean, top-k).")
  String getWeight();

  void setWeight(String column);

  @Description("How many most frequent values of each string feature to keep.")
  @Default.Integer(20)
  Integer getTopK();

  void setTopK(Integer k);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
