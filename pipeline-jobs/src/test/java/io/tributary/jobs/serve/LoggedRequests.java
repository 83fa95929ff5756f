package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a request log span the way the model server does, without a server and at a chosen time:
 * each instance is read by the version's own reader, scored by its predictor ({@link Predictions}),
 * turned into the version's log record ({@link LogSchema}) and published with {@link LogFile} into
 * {@code <logDir>/<model>/span-<span>/v<version>-...avro}. For tests that need spans of the past.
 *
 * <pre>{@code
 * LoggedRequests.write(logDir, servingDir.resolve("penguin/1"), "penguin", 1, 202612070800L, instances, "clean");
 * }</pre>
 */
public final class LoggedRequests {

  private LoggedRequests() {}

  /** Logs each instance as a request of its own, id {@code <idPrefix>-<i>}; returns the published file. */
  public static Path write(Path logDir, Path versionDir, String model, long version, long span,
      List<ObjectNode> instances, String idPrefix) throws IOException {
    LoadedVersion loaded = LoadedVersion.load(version, versionDir);
    LogSchema schema = LogSchema.of(loaded);
    long start = LogSpan.start(span).toEpochMilli();
    String name = String.format(Locale.ROOT, "v%d-%s-%08x-%06d.avro", version,
        LogSpan.folder(span).substring(LogSpan.FOLDER_PREFIX.length(), 13) + "T000000Z", idPrefix.hashCode(), 1);
    Path temp = Files.createDirectories(logDir.resolve(RequestLogWriter.TEMP_FOLDER)).resolve(model + "-" + name);
    LogFile file = LogFile.create(temp, logDir.resolve(model).resolve(LogSpan.folder(span)).resolve(name), schema.avro());
    for (int i = 0; i < instances.size(); i++) {
      JsonNode instance = instances.get(i);
      JsonNode prediction = Predictions.score(loaded, new PredictRequest(List.of(instance), true))
          .get("predictions").get(0);
      if (prediction.has("error")) {
        continue;   // the server logs only the instances it answered
      }
      file.append(schema.record(loaded.reader().read(instance), prediction, idPrefix + "-" + i, 0, start + i, model,
          version));
    }
    return file.publish();
  }
}
