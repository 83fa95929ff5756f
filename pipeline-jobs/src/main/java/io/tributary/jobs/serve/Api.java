package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API, independent of the HTTP library: a method, a path and a way to read the body in,
 * a {@link Reply} out. Client mistakes are 4xx answers with {@code {"error": ...}}; nothing a
 * client sends can make it throw.
 *
 * <pre>
 * GET  /v1/models                              every model and the state of its versions
 * GET  /v1/models/{name}                       {"model_version_status": [...]}, newest first
 * GET  /v1/models/{name}/versions/{v}          the same for one version
 * POST /v1/models/{name}:predict               the newest loaded version
 * POST /v1/models/{name}/versions/{v}:predict  a given loaded version
 * GET  /v1/models/{name}/metrics, /v1/metrics  request counts and latency quantiles (JSON)
 * GET  /metrics                                the same in Prometheus' text format
 * GET  /healthz                                200 while the process serves HTTP
 * GET  /ready                                  200 once every published model has a version to serve, else 503
 * </pre>
 */
final class Api {

  /** Reads the request body, failing with 413 past the server's {@code --maxBodyBytes}. */
  interface Body {
    byte[] read();
  }

  private static final Pattern MODEL =
      Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?(:predict)?");
  private static final Pattern MODEL_METRICS = Pattern.compile("/v1/models/([^/:]+)/metrics");
  private static final String ENDPOINTS =
      "GET /v1/models[/{name}[/versions/{v}]], POST /v1/models/{name}[/versions/{v}]:predict,"
          + " GET /v1/models/{name}/metrics, /v1/metrics, /metrics, /healthz, /ready";

  private final ModelManager models;
  private final ServeMetrics metrics;
  private final ServeConfig config;
  private final RequestLog requestLog;

  Api(ModelManager models, ServeMetrics metrics, ServeConfig config) {
    this(models, metrics, config, RequestLog.OFF);
  }

  Api(ModelManager models, ServeMetrics metrics, ServeConfig config, RequestLog requestLog) {
    this.models = models;
    this.metrics = metrics;
    this.config = config;
    this.requestLog = requestLog;
  }

  Reply handle(String method, String path, Body body) {
    return handle(method, path, null, body);
  }

  /** {@code requestId} is the client's {@value RequestId#HEADER} header, or null. */
  Reply handle(String method, String path, String requestId, Body body) {
    try {
      Matcher model = MODEL.matcher(path);
      if (model.matches()) {
        if (model.group(3) != null) {
          require("POST", method, path);
          return predict(model.group(1), model.group(2), requestId, body);
        }
        require("GET", method, path);
        return StatusJson.reply(models.table(), model.group(1), model.group(2), config.keepVersions());
      }
      Matcher modelMetrics = MODEL_METRICS.matcher(path);
      if (modelMetrics.matches()) {
        require("GET", method, path);
        return Reply.json(200, metrics.json(modelMetrics.group(1)));
      }
      return fixed(method, path);
    } catch (ApiException e) {
      Reply reply = Reply.error(e.status(), e.getMessage());
      return e.allow() == null ? reply : reply.withHeader("Allow", e.allow());
    }
  }

  private Reply fixed(String method, String path) {
    switch (path) {
      case "/healthz":
        require("GET", method, path);
        return Reply.json(200, Json.MAPPER.createObjectNode().put("status", "ok"));
      case "/ready":
        require("GET", method, path);
        return ready();
      case "/metrics":
        require("GET", method, path);
        return Reply.text(Reply.PROMETHEUS, metrics.prometheus());
      case "/v1/metrics":
        require("GET", method, path);
        return Reply.json(200, metrics.json(null));
      case "/v1/models":
        require("GET", method, path);
        return Reply.json(200, StatusJson.all(models.table()));
      default:
        throw new ApiException(404, "no endpoint " + path + "; the endpoints are " + ENDPOINTS);
    }
  }

  private Reply ready() {
    ServingTable table = models.table();
    List<String> reasons = table.notReady();
    ObjectNode json = Json.MAPPER.createObjectNode().put("ready", reasons.isEmpty());
    if (reasons.isEmpty()) {
      ObjectNode serving = json.putObject("serving");
      table.models().forEach(m -> serving.put(m.name(), m.latest().orElseThrow().version()));
      return Reply.json(200, json);
    }
    ArrayNode why = json.putArray("reasons");
    reasons.forEach(why::add);
    return Reply.json(503, json);
  }

  private Reply predict(String name, String versionText, String givenId, Body body) {
    long start = System.nanoTime();
    String requestId = RequestId.resolve(givenId);
    ServingTable table = models.table();
    String metricModel = ServeMetrics.UNKNOWN;
    String metricVersion = ServeMetrics.NO_VERSION;
    int instances = 0;
    Reply reply;
    try {
      ServingTable.Model model = StatusJson.model(table, name);
      metricModel = model.name();
      LoadedVersion version = VersionChoice.pick(model, versionText, config.keepVersions());
      metricVersion = Long.toString(version.version());
      PredictRequest request = PredictRequest.parse(body.read(), config.maxInstances());
      instances = request.instances().size();
      ObjectNode answer = Predictions.score(version, request);
      reply = Reply.json(200, answer);
      requestLog.offer(metricModel, version, request, answer, requestId);
    } catch (ApiException e) {
      reply = Reply.error(e.status(), e.getMessage());
    }
    metrics.record(metricModel, metricVersion, reply.status(), System.nanoTime() - start, instances);
    return reply.withHeader(RequestId.HEADER, requestId);
  }

  private static void require(String expected, String method, String path) {
    if (!expected.equals(method)) {
      throw ApiException.methodNotAllowed(method, path, expected);
    }
  }
}
