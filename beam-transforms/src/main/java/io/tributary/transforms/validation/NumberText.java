package io.tributary.transforms.validation;

import java.util.regex.Pattern;

/** Recognises numbers written as text ({@code "42"}, {@code "-3.5e2"}), as a CSV reader would. */
final class NumberText {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private NumberText() {}

  static boolean isNumber(String text) {
    return NUMBER.matcher(text.trim()).matches();
  }
}
