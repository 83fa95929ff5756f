package io.tributary.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real local Flink cluster through the extension and checks what its REST API reports.
 * Exclude with {@code -DexcludedGroups=flink-cluster}.
 */
@Tag("flink-cluster")
@ExtendWith(LocalFlinkCluster.class)
class LocalFlinkClusterOverviewIT {

  @Test
  void oneTaskManagerWithTwoSlots(LocalFlinkCluster flink)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(flink.webUrl() + "/overview"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    String overview = response.body().replace(" ", "");
    assertTrue(overview.contains("\"taskmanagers\":1"), overview);
    assertTrue(overview.contains("\"slots-total\":2"), overview);
    assertTrue(overview.contains("\"flink-version\":\"1.19.0\""), overview);
  }
}
