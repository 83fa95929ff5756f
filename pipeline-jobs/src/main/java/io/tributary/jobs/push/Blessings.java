package io.tributary.jobs.push;

import io.tributary.jobs.evaluate.BlessingFolder;
import io.tributary.jobs.infra.InfraBlessing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the verdicts a push depends on: the Evaluator's blessing folder ({@code BLESSED} or
 * {@code NOT_BLESSED}, one reason a line) and the InfraValidator's infra blessing folder ({@code
 * INFRA_BLESSED} or {@code INFRA_NOT_BLESSED}). Only the marker files decide; a folder with both
 * markers or neither is not a verdict, and refuses the push.
 *
 * <pre>{@code
 * Optional<String> why = Blessings.refusal(blessingDir, infraBlessingDir);  // infra may be null
 * why.ifPresent(reason -> System.err.println("not pushing: " + reason));
 * }</pre>
 */
public final class Blessings {

  private Blessings() {}

  /** Why the model must not be pushed, or empty when it may; {@code infraBlessing} may be null. */
  public static Optional<String> refusal(Path blessing, Path infraBlessing) {
    Optional<String> model = verdict(blessing, BlessingFolder.BLESSED, BlessingFolder.NOT_BLESSED, "model not blessed", "the Evaluator's blessing");
    if (model.isPresent() || infraBlessing == null) {
      return model;
    }
    return verdict(infraBlessing, InfraBlessing.BLESSED, InfraBlessing.NOT_BLESSED, "model not infra-blessed",
        "the InfraValidator's infra_blessing");
  }

  private static Optional<String> verdict(Path folder, String yes, String no, String refused, String expected) {
    boolean blessed = Files.isRegularFile(folder.resolve(yes));
    boolean notBlessed = Files.isRegularFile(folder.resolve(no));
    if (blessed && !notBlessed) {
      return Optional.empty();
    }
    if (notBlessed && !blessed) {
      return Optional.of(refused + ": " + reasons(folder.resolve(no)));
    }
    return Optional.of(
        folder + " holds " + (blessed ? "both " + yes + " and " + no : "neither " + yes + " nor " + no)
            + ": give " + expected + " folder");
  }

  private static String reasons(Path marker) {
    try {
      String text = String.join("; ", Files.readAllLines(marker).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
      return text.isEmpty() ? "(no reason given in " + marker + ")" : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker + ": " + e.getMessage(), e);
    }
  }
}
