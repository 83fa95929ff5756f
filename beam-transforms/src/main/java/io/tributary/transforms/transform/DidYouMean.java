package io.tributary.transforms.transform;

import java.util.Collection;
import java.util.Locale;

/**
 * The known name closest to a misspelt one, for messages such as {@code unknown op 'zscore'; did
 * you mean 'zScore'?}. Case, {@code _} and {@code -} are ignored, then names within a third of
 * their length in edits (at least 1, at most 3) qualify; the closest wins.
 *
 * <pre>{@code
 * DidYouMean.suffix("zscore", List.of("zScore", "log1p"))   // "; did you mean 'zScore'?"
 * DidYouMean.suffix("banana", List.of("zScore", "log1p"))   // ""
 * }</pre>
 */
public final class DidYouMean {

  private DidYouMean() {}

  /** The closest known name, or null when none is close enough. */
  public static String closest(String given, Collection<String> known) {
    if (given == null) {
      return null;
    }
    String wanted = normal(given);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, normal(candidate));
      int allowed = Math.min(3, Math.max(1, Math.max(wanted.length(), candidate.length()) / 3));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** {@code "; did you mean 'x'?"}, or an empty string when no known name is close. */
  public static String suffix(String given, Collection<String> known) {
    String closest = closest(given, known);
    return closest == null || closest.equals(given) ? "" : "; did you mean '" + closest + "'?";
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
