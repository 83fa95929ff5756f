package io.tributary.jobs.validation;

import io.tributary.jobs.options.TributaryOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary validate-records}; each getter's description is its help text. */
public interface ValidateRecordsOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): the records of its Split-<name>/ folders are checked.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description("A schema.json, or a folder holding one (SchemaGen's output).")
  String getSchema();

  void setSchema(String schema);

  @Validation.Required
  @Description(
      "Output folder; gets Split-<name>/errors/*.jsonl (the failing records with their reasons) and"
          + " summary.json (counts per split and reason). Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("The environment to validate in, e.g. SERVING (features absent there are not checked).")
  String getEnvironment();

  void setEnvironment(String environment);

  @Description("Splits to check, comma-separated. Default: every Split-<name>/ folder.")
  List<String> getSplits();

  void setSplits(List<String> splits);

  @Description(
      "When to exit with code 3: any (an invalid record), never, a count N (more than N invalid"
          + " records), or a share P% (more than P% of the records checked are invalid).")
  @Default.String("any")
  String getFailOn();

  void setFailOn(String failOn);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
