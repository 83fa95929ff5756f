package io.tributary.jobs.cli;

import io.tributary.jobs.serve.LoadRetries;
import io.tributary.jobs.serve.DurationText;
import io.tributary.jobs.serve.ModelServer;
import io.tributary.jobs.serve.RequestLogConfig;
import io.tributary.jobs.serve.ServeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary serve}: serves the models under a serving directory over HTTP until stopped
 * (SIGTERM or Ctrl-C). See {@link ModelServer} and {@code pipeline-jobs/docs/serving.md}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves every model the Pusher published under --models over HTTP (TF Serving's REST API):"
          + " raw features in, the version's own fitted transform and model applied, predictions out.",
      "New versions are loaded in the background, canaried and swapped in without failing a request."
          + " Endpoints: POST /v1/models/NAME[/versions/V]:predict, GET /v1/models/NAME, /metrics,"
          + " /healthz, /ready. Stops on SIGTERM or Ctrl-C.",
      "With --logSampleRate and --logDir, a sample of predict requests (raw instance, prediction, request id) is"
          + " written as Avro examples in span folders ExampleGen reads, without slowing a request."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--models", required = true, paramLabel = "DIR",
      description = "The serving directory: <DIR>/<model>/<version>/ as the Pusher writes it.")
  Path models;

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = ServeConfig.DEFAULT_PORT;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to bind; 0.0.0.0 exposes the server to the network (default: ${DEFAULT-VALUE}).")
  String host = ServeConfig.DEFAULT_HOST;

  @Option(names = "--pollSeconds", paramLabel = "SECONDS", description = "How often the directory is scanned for new or removed versions (default: ${DEFAULT-VALUE}).")
  double pollSeconds = ServeConfig.DEFAULT_POLL_INTERVAL.toMillis() / 1000.0;

  @Option(names = "--maxBodyBytes", paramLabel = "BYTES", description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes = ServeConfig.DEFAULT_MAX_BODY_BYTES;

  @Option(names = "--maxInstances", paramLabel = "N", description = "Most instances per predict request; more get 413 (default: ${DEFAULT-VALUE}).")
  int maxInstances = ServeConfig.DEFAULT_MAX_INSTANCES;

  @Option(names = "--keepVersions", paramLabel = "N", description = "How many of each model's newest versions stay loaded and addressable; the newest answers requests naming no version (default: ${DEFAULT-VALUE}).")
  int keepVersions = ServeConfig.DEFAULT_KEEP_VERSIONS;

  @Option(names = "--loadRetries", paramLabel = "N", description = "How many more times a version that failed to load is tried; meanwhile it is FAILED and the previous version serves (default: ${DEFAULT-VALUE}).")
  int loadRetries = LoadRetries.DEFAULT.retries();

  @Option(names = "--loadRetrySeconds", paramLabel = "SECONDS", description = "The wait after a failed load before the next attempt (default: ${DEFAULT-VALUE}).")
  double loadRetrySeconds = LoadRetries.DEFAULT.interval().toSeconds();

  @Option(names = "--idleTimeoutSeconds", paramLabel = "SECONDS", description = "A connection that sends nothing for this long is closed (default: ${DEFAULT-VALUE}).")
  double idleTimeoutSeconds = ServeConfig.DEFAULT_IDLE_TIMEOUT.toMillis() / 1000.0;

  @Option(names = "--bodyTimeoutSeconds", paramLabel = "SECONDS", description = "A request's whole body must arrive within this time; else 408 (default: ${DEFAULT-VALUE}).")
  double bodyTimeoutSeconds = ServeConfig.DEFAULT_BODY_TIMEOUT.toMillis() / 1000.0;

  @Option(names = "--maxConcurrentRequests", paramLabel = "N", description = "Most requests in progress at once, those still receiving their body included; more get 503 at once (default: ${DEFAULT-VALUE}).")
  int maxConcurrentRequests = ServeConfig.DEFAULT_MAX_CONCURRENT_REQUESTS;

  @Option(names = "--maxConnections", paramLabel = "N", description = "Most connections open at once; more wait to be accepted until one closes (default: ${DEFAULT-VALUE}).")
  int maxConnections = ServeConfig.DEFAULT_MAX_CONNECTIONS;

  @Option(names = "--logSampleRate", paramLabel = "RATE", description = "Share of predict requests written to the request log, 0 (off) to 1 (all); needs --logDir (default: ${DEFAULT-VALUE}).")
  double logSampleRate;

  @Option(names = "--logDir", paramLabel = "DIR", description = "Folder of the request log: Avro examples in DIR/<model>/span-<SPAN>/, which examplegen --input='DIR/<model>/span-{SPAN}/*.avro' reads.")
  Path logDir;

  @Option(names = "--logSpan", paramLabel = "DURATION", description = "Length of a request log span (one folder each), whole minutes that divide a day: 15m, 1h, 1d (default: ${DEFAULT-VALUE}).")
  String logSpan = DurationText.format(RequestLogConfig.DEFAULT_SPAN);

  @Option(names = "--logRetention", paramLabel = "DURATION", description = "Age limit of the request log: a span folder is deleted once its span ended this long ago (only the files the server wrote); e.g. 36h, 7d (default: ${DEFAULT-VALUE}).")
  String logRetention = DurationText.format(RequestLogConfig.DEFAULT_RETENTION);

  @Option(names = "--logRollSeconds", paramLabel = "SECONDS", description = "How often the request log's files are closed and published into their span folder (default: ${DEFAULT-VALUE}).")
  double logRollSeconds = RequestLogConfig.DEFAULT_ROLL_INTERVAL.toMillis() / 1000.0;

  @Option(names = "--logQueueSize", paramLabel = "N", description = "Most instances of sampled requests waiting for the request log's writer (bounding their memory); a request that would pass it is dropped and counted, never waited for (default: ${DEFAULT-VALUE}).")
  int logQueueSize = RequestLogConfig.DEFAULT_QUEUE_CAPACITY;

  @Override
  public Integer call() {
    return Cli.guard("serve", () -> {
      ServeConfig config = ServeConfig.builder(models)
          .host(host)
          .port(port)
          .pollInterval(Duration.ofMillis(Math.round(pollSeconds * 1000)))
          .maxBodyBytes(maxBodyBytes)
          .maxInstances(maxInstances)
          .keepVersions(keepVersions)
          .loadRetries(new LoadRetries(loadRetries, Duration.ofMillis(Math.round(loadRetrySeconds * 1000))))
          .idleTimeout(Duration.ofMillis(Math.round(idleTimeoutSeconds * 1000)))
          .bodyTimeout(Duration.ofMillis(Math.round(bodyTimeoutSeconds * 1000)))
          .maxConcurrentRequests(maxConcurrentRequests)
          .maxConnections(maxConnections)
          .build();
      RequestLogConfig requestLog = RequestLogConfig.builder()
          .dir(logDir)
          .sampleRate(logSampleRate)
          .span(DurationText.parse("--logSpan", logSpan))
          .retention(DurationText.parse("--logRetention", logRetention))
          .rollInterval(Duration.ofMillis(Math.round(logRollSeconds * 1000)))
          .queueCapacity(logQueueSize)
          .build();
      ModelServer server = ModelServer.start(config, requestLog, System.out);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception e) {
          System.err.println("tributary serve: stopping: " + e.getMessage());
        }
      }));
      System.out.println("tributary serve: listening on " + server.uri() + ", serving " + config.modelsDir()
          + (requestLog.enabled() ? ", logging " + logSampleRate * 100 + "% of predict requests to " + requestLog.dir() : ""));
      List<String> notReady = server.awaitFirstScan(Duration.ofMinutes(10));
      System.out.println(notReady.isEmpty()
          ? "tributary serve: ready"
          : "tributary serve: not ready yet: " + String.join("; ", notReady));
      server.join();
      return 0;
    });
  }
}
