package io.tributary.jobs.components;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A blessing folder as the Evaluator or the InfraValidator leaves it: a {@code BLESSED} (or
 * {@code INFRA_BLESSED}) marker, or a {@code NOT_BLESSED} (or {@code INFRA_NOT_BLESSED}) one whose
 * lines are the reasons. Components that must not use an unblessed model read it.
 *
 * <pre>{@code
 * Blessing.model(blessingFolder).whyNot();   // Optional["model not blessed: accuracy 0.61 < 0.9"]
 * }</pre>
 */
record Blessing(boolean blessed, List<String> reasons, String refusal) {

  /** The Evaluator's verdict. */
  static Blessing model(Path folder) throws IOException {
    return read(folder, "BLESSED", "NOT_BLESSED", "model not blessed");
  }

  /** The InfraValidator's verdict. */
  static Blessing infra(Path folder) throws IOException {
    return read(folder, "INFRA_BLESSED", "INFRA_NOT_BLESSED", "model not infra-blessed");
  }

  /** Empty when blessed, else a one-line reason naming every failed check. */
  Optional<String> whyNot() {
    if (blessed) {
      return Optional.empty();
    }
    return Optional.of(refusal + ": " + String.join("; ", reasons));
  }

  private static Blessing read(Path folder, String yes, String no, String refusal) throws IOException {
    if (Files.exists(folder.resolve(yes))) {
      return new Blessing(true, List.of(), refusal);
    }
    Path refused = folder.resolve(no);
    if (!Files.exists(refused)) {
      throw new IOException(folder + " holds neither " + yes + " nor " + no + ": not a blessing folder");
    }
    List<String> reasons = Files.readAllLines(refused).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return new Blessing(false, reasons.isEmpty() ? List.of("no reason given") : reasons, refusal);
  }
}
