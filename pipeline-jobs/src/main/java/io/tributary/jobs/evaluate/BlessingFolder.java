package io.tributary.jobs.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.evaluate.blessing.Blessing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Evaluator's blessing folder (artifact type {@code ModelBlessing}), which the Pusher reads:
 * exactly one of the marker files {@value #BLESSED} (one line: the summary) or {@value
 * #NOT_BLESSED} (one reason per line), and {@value #FILE}:
 *
 * <pre>{@code
 * {"formatVersion":1,"blessed":false,"reasons":["accuracy on Overall is 0.94, not >= 0.99"],"baseline":null}
 * }</pre>
 *
 * @param baseline the baseline model folder compared against, or null
 */
@JsonPropertyOrder({"formatVersion", "blessed", "reasons", "baseline"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlessingFolder(int formatVersion, boolean blessed, List<String> reasons, String baseline) {

  public static final int FORMAT_VERSION = 1;
  public static final String BLESSED = "BLESSED";
  public static final String NOT_BLESSED = "NOT_BLESSED";
  public static final String FILE = "blessing.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static BlessingFolder of(Blessing blessing, String baseline) {
    return new BlessingFolder(FORMAT_VERSION, blessing.blessed(), blessing.reasons(), baseline);
  }

  /** Writes the marker file and {@value #FILE} into {@code folder}; {@code summary} is the BLESSED line. */
  public void write(Path folder, String summary) throws IOException {
    String marker = blessed ? summary + "\n" : String.join("\n", reasons) + "\n";
    Files.writeString(folder.resolve(blessed ? BLESSED : NOT_BLESSED), marker, StandardCharsets.UTF_8);
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static BlessingFolder read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), BlessingFolder.class);
  }
}
