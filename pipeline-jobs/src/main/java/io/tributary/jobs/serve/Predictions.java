package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.inference.PredictionRows;
import io.tributary.transforms.model.Score;

/**
 * Scores a predict request with one loaded version, through the single-record path the pipeline
 * uses ({@link io.tributary.transforms.model.Predictor#predict(java.util.Map)}: the version's
 * fitted transform, then its model), and writes the answer.
 *
 * <pre>{@code
 * {"model_version": 2, "predictions": [
 *   {"prediction": "Adelie", "probabilities": {"Adelie": 0.97, "Chinstrap": 0.02, "Gentoo": 0.01}},
 *   {"prediction": 0.73},                      // a regression model
 *   {"error": "instance 2 lacks feature 'island' ..."}   // only with "partial": true
 * ]}
 * }</pre>
 *
 * <p>The field names are BulkInferrer's output columns ({@link PredictionRows}). Without {@code
 * partial} the first instance that cannot be scored fails the whole request with 422 and its
 * index; with it, that instance's entry is an error and the others are answered.
 */
final class Predictions {

  private Predictions() {}

  static ObjectNode score(LoadedVersion version, PredictRequest request) {
    ObjectNode answer = Json.MAPPER.createObjectNode();
    answer.put("model_version", version.version());
    ArrayNode predictions = answer.putArray("predictions");
    int index = 0;
    for (JsonNode instance : request.instances()) {
      try {
        predictions.add(json(version.predictor().predict(version.reader().read(instance))));
      } catch (InstanceException e) {
        predictions.add(failed(request, "instance " + index + " " + e.getMessage()));
      } catch (IllegalArgumentException e) {
        // The transform or the model refused the record, e.g. a missing value nothing imputes.
        predictions.add(failed(request, "instance " + index + ": " + e.getMessage()));
      }
      index++;
    }
    return answer;
  }

  private static ObjectNode failed(PredictRequest request, String message) {
    if (!request.partial()) {
      throw new ApiException(422, message + " (send \"partial\": true to answer the other instances anyway)");
    }
    return Json.MAPPER.createObjectNode().put("error", message);
  }

  private static ObjectNode json(Score score) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (score.value() != null) {
      return json.put(PredictionRows.PREDICTION, score.value());
    }
    json.put(PredictionRows.PREDICTION, score.label());
    ObjectNode probabilities = json.putObject(PredictionRows.PROBABILITIES);
    score.probabilities().forEach(probabilities::put);
    return json;
  }
}
