package io.tributary.jobs.driver;

import io.tributary.metadata.Artifact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache key of an execution: SHA-256 over the component type and version, its parameters
 * (sorted), its input artifacts (id and uri, which never change once LIVE), the fingerprint of
 * what it reads from outside the pipeline, the code version, and the runner options. Two
 * executions with the same key would produce the same outputs.
 */
final class CacheKey {

  private CacheKey() {}

  static String of(
      String type,
      int version,
      Map<String, Object> parameters,
      Map<String, Artifact> inputs,
      String externalFingerprint,
      String codeVersion,
      List<String> runnerArgs) {
    StringBuilder text = new StringBuilder();
    text.append("type=").append(type).append('\n');
    text.append("version=").append(version).append('\n');
    new TreeMap<>(parameters).forEach((k, v) -> text.append("param.").append(k).append('=').append(v).append('\n'));
    new TreeMap<>(inputs).forEach(
        (k, a) -> text.append("input.").append(k).append('=').append(a.id()).append('@').append(a.uri()).append('\n'));
    text.append("external=").append(externalFingerprint).append('\n');
    text.append("code=").append(codeVersion).append('\n');
    text.append("runner=").append(String.join(" ", runnerArgs)).append('\n');
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
