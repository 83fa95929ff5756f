package io.tributary.jobs.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a predict request, TF Serving's row format: {@code {"instances": [{...}, ...]}},
 * plus the optional {@code "partial": true}, which answers the instances that can be scored and
 * puts {@code {"error": ...}} in place of the others instead of failing the whole request.
 *
 * <p>The body is parsed into a JSON tree only. Every mistake is an {@link ApiException}: 400 for
 * malformed JSON or a wrong shape, 413 for more instances than {@code maxInstances}.
 *
 * @param instances the instances, in request order
 * @param partial whether one bad instance leaves the others answered
 */
record PredictRequest(List<JsonNode> instances, boolean partial) {

  static PredictRequest parse(byte[] body, int maxInstances) {
    JsonNode root = tree(body);
    if (root == null || root.isMissingNode()) {
      throw new ApiException(400, "the body is empty: send {\"instances\": [{raw features}, ...]}");
    }
    if (!root.isObject()) {
      throw new ApiException(
          400, "the body is a JSON " + InstanceReader.kind(root) + ": send an object {\"instances\": [{raw features}, ...]}");
    }
    JsonNode instances = root.get("instances");
    if (instances == null) {
      throw new ApiException(400, root.has("inputs")
          ? "the columnar \"inputs\" format is not supported: send rows as {\"instances\": [{raw features}, ...]}"
          : "the body lacks \"instances\": send {\"instances\": [{raw features}, ...]}");
    }
    if (!instances.isArray()) {
      throw new ApiException(400, "\"instances\" is a JSON " + InstanceReader.kind(instances) + ": it must be a list of objects");
    }
    if (instances.isEmpty()) {
      throw new ApiException(400, "\"instances\" is empty: send at least one instance");
    }
    if (instances.size() > maxInstances) {
      throw new ApiException(413, instances.size() + " instances exceed the limit of " + maxInstances
          + " per request (the server's --maxInstances): split the batch");
    }
    JsonNode partial = root.get("partial");
    if (partial != null && !partial.isBoolean()) {
      throw new ApiException(400, "\"partial\" must be true or false");
    }
    List<JsonNode> list = new ArrayList<>(instances.size());
    instances.forEach(list::add);
    return new PredictRequest(List.copyOf(list), partial != null && partial.booleanValue());
  }

  private static JsonNode tree(byte[] body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new ApiException(400, "malformed JSON" + where + ": " + e.getOriginalMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new ApiException(400, "unreadable body: " + e.getMessage());
    }
  }
}
