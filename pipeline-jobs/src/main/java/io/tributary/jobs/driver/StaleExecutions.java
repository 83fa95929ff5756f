package io.tributary.jobs.driver;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cleans up after drivers that died (a crash, {@code kill -9}): their RUNNING executions become
 * FAILED, their PENDING outputs ABANDONED, and whatever they wrote — finished folders or staging
 * folders — is deleted, so nothing of theirs ever looks finished.
 *
 * <p>An execution is stale when the process recorded on it ({@code driver_pid} on {@code
 * driver_host}) no longer runs. Executions of live drivers (a concurrent run) are left alone.
 */
final class StaleExecutions {

  static final String PIPELINE = "pipeline";
  static final String PID = "driver_pid";
  static final String HOST = "driver_host";
  static final String PENDING_OUTPUTS = "pending_outputs";

  private StaleExecutions() {}

  static int recover(MetadataStore store, String pipeline, Context pipelineContext, PrintStream out) {
    int recovered = 0;
    for (Execution execution :
        store.findExecutions(Query.all().inContext(pipelineContext.id()).withState(ExecutionState.RUNNING))) {
      if (!isStale(execution)) {
        continue;
      }
      List<ArtifactAndEvent> abandoned = new ArrayList<>();
      for (Artifact output : pendingOutputs(store, execution)) {
        delete(Path.of(output.uri()));
        abandoned.add(ArtifactAndEvent.output(output.withState(ArtifactState.ABANDONED), "abandoned"));
      }
      store.publishExecution(execution.withState(ExecutionState.FAILED), abandoned, List.of(pipelineContext));
      out.println("[run] " + pipeline + ": execution " + execution.id() + " (" + execution.type()
          + ") of a driver that died is now FAILED; its partial outputs were removed");
      recovered++;
    }
    return recovered;
  }

  private static boolean isStale(Execution execution) {
    Value pid = execution.customProperties().get(PID);
    Value host = execution.customProperties().get(HOST);
    if (pid == null || host == null || !host.asString().equals(Driver.hostName())) {
      return false;
    }
    return ProcessHandle.of(pid.asLong()).map(p -> !p.isAlive()).orElse(true);
  }

  private static List<Artifact> pendingOutputs(MetadataStore store, Execution execution) {
    Value ids = execution.customProperties().get(PENDING_OUTPUTS);
    List<Artifact> outputs = new ArrayList<>();
    if (ids != null && !ids.asString().isEmpty()) {
      for (String id : ids.asString().split(",")) {
        outputs.add(store.getArtifact(Long.parseLong(id)));
      }
    }
    return outputs;
  }

  /** Deletes an output folder and the staging folders its job left beside it. */
  static void delete(Path output) {
    try {
      Path parent = output.getParent();
      if (parent != null && Files.isDirectory(parent)) {
        try (Stream<Path> siblings = Files.list(parent)) {
          for (Path sibling : siblings.toList()) {
            if (sibling.getFileName().toString().startsWith("." + output.getFileName() + ".")) {
              StagedOutput.deleteTree(sibling);
            }
          }
        }
      }
      StagedOutput.deleteTree(output);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot remove " + output + ": " + e.getMessage(), e);
    }
  }
}
