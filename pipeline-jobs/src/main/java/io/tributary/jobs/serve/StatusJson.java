package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The model status answers, in TF Serving's shape, newest version first:
 *
 * <pre>{@code
 * {"model_version_status": [
 *   {"version": "2", "state": "AVAILABLE", "status": {"error_code": "OK", "error_message": ""},
 *    "loaded_at": "2026-11-22T10:00:01Z", "pushed_at": "2026-11-22T10:00:00Z", "source_model": "/runs/...",
 *    "source_transform": "/runs/...", "model_sha256": "9f2c..."},
 *   {"version": "1", "state": "NOT_LOADED", "status": {"error_code": "OK", "error_message": ""}}]}
 * }</pre>
 *
 * <p>A version that failed has state {@code FAILED}, error code {@code FAILED} and the reason.
 */
final class StatusJson {

  private StatusJson() {}

  /** The model named in a request, or 404 listing the models served. */
  static ServingTable.Model model(ServingTable table, String name) {
    return table.model(name).orElseThrow(() -> new ApiException(404,
        "no model '" + name + "' is published; models: "
            + table.models().stream().map(ServingTable.Model::name).collect(Collectors.joining(", ", "[", "]"))));
  }

  /** {@code GET /v1/models/{name}[/versions/{v}]}. */
  static Reply reply(ServingTable table, String name, String versionText, int keepVersions) {
    ServingTable.Model model = model(table, name);
    if (versionText == null) {
      return Reply.json(200, model(model));
    }
    long version = VersionChoice.parse(versionText);
    VersionStatus status = model.status(version).orElseThrow(() -> new ApiException(404,
        "model '" + name + "' has no version " + version + " (" + summary(model) + ")"));
    ObjectNode json = Json.MAPPER.createObjectNode();
    add(json.putArray("model_version_status"), model, status);
    return Reply.json(200, json);
  }

  /** {@code GET /v1/models}. */
  static ObjectNode all(ServingTable table) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode models = json.putArray("models");
    for (ServingTable.Model model : table.models()) {
      models.addObject().put("name", model.name()).setAll(model(model));
    }
    return json;
  }

  /** "version 2 AVAILABLE, version 1 NOT_LOADED", for error messages. */
  static String summary(ServingTable.Model model) {
    if (model.statuses().isEmpty()) {
      return "no version is published";
    }
    List<String> parts = new ArrayList<>();
    for (VersionStatus status : model.statuses()) {
      parts.add("version " + status.version() + " " + status.state());
    }
    return String.join(", ", parts);
  }

  private static ObjectNode model(ServingTable.Model model) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode versions = json.putArray("model_version_status");
    List<VersionStatus> newestFirst = new ArrayList<>(model.statuses());
    Collections.reverse(newestFirst);
    newestFirst.forEach(status -> add(versions, model, status));
    return json;
  }

  private static void add(ArrayNode versions, ServingTable.Model model, VersionStatus status) {
    ObjectNode json = versions.addObject();
    json.put("version", Long.toString(status.version()));
    json.put("state", status.state().name());
    boolean failed = status.state() == VersionState.FAILED;
    json.putObject("status")
        .put("error_code", failed ? "FAILED" : "OK")
        .put("error_message", failed ? status.error() : "");
    LoadedVersion loaded = model.loaded().get(status.version());
    if (loaded != null) {
      json.put("loaded_at", loaded.loadedAt().toString());
      json.put("pushed_at", loaded.push().pushedAt());
      json.put("source_model", loaded.push().sourceModel());
      json.put("source_transform", loaded.push().sourceTransform());
      json.put("model_sha256", loaded.push().modelSha256());
    }
  }
}
