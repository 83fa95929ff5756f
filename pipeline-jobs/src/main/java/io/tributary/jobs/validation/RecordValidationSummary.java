package io.tributary.jobs.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * {@code summary.json} of {@code tributary validate-records}: how many records of each split were
 * checked, valid and invalid, and how many failed for each reason. Format version 1; fields are
 * only ever added. No timestamps, so the same input gives the same bytes.
 *
 * <pre>{@code
 * RecordValidationSummary summary = RecordValidationSummary.read(output);
 * long bad = summary.splits().get("eval").reasons().getOrDefault("body_mass_g:out_of_range", 0L);
 * }</pre>
 *
 * @param type always {@code RecordValidation}
 * @param examples the examples folder checked (absolute)
 * @param schema the schema file used (absolute)
 * @param environment the environment validated in, or null
 * @param failOn the {@link RecordLimit} as given
 * @param failed whether the invalid records exceeded it (the command then exits with 3)
 * @param splits per split, in split order
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordValidationSummary(
    int formatVersion,
    String type,
    String examples,
    String schema,
    String environment,
    String failOn,
    boolean failed,
    Map<String, SplitCounts> splits) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "summary.json";
  public static final String TYPE = "RecordValidation";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The counts of one split.
   *
   * @param errors the folder of its failing records, relative to the output ({@code Split-<name>/errors})
   * @param reasons invalid records per {@code <feature>:<kind>} (a record may count under several),
   *     sorted by name; kinds: missing, not_in_domain, not_a_number, nan, out_of_range
   */
  @JsonPropertyOrder(alphabetic = false)
  public record SplitCounts(long records, long valid, long invalid, String errors, Map<String, Long> reasons) {}

  /** All invalid records. */
  public long invalid() {
    return total(splits, SplitCounts::invalid);
  }

  /** All records checked. */
  public long records() {
    return total(splits, SplitCounts::records);
  }

  /** One count summed over the splits. */
  static long total(Map<String, SplitCounts> splits, ToLongFunction<SplitCounts> count) {
    return splits.values().stream().mapToLong(count).sum();
  }

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static RecordValidationSummary read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), RecordValidationSummary.class);
  }
}
