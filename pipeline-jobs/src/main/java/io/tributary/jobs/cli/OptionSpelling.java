package io.tributary.jobs.cli;

import java.util.Arrays;

/**
 * One option style, both spellings accepted: every option is documented in camelCase (the Beam
 * convention, {@code --failOn}, {@code --fitSplit}) and may be written in kebab-case too ({@code
 * --fail-on}, {@code --fit-split}); this turns the second into the first before any command parses
 * its arguments, so no command can accept one spelling and not the other.
 *
 * <pre>{@code
 * OptionSpelling.camelCase("--range-margin=0.5")   // "--rangeMargin=0.5"
 * OptionSpelling.camelCase("--no-cache")           // "--noCache"
 * OptionSpelling.camelCase("--input=my-file.csv")  // unchanged: values are never touched
 * }</pre>
 */
final class OptionSpelling {

  private OptionSpelling() {}

  static String[] camelCase(String[] args) {
    String[] spelled = Arrays.copyOf(args, args.length);
    for (int i = 0; i < spelled.length; i++) {
      if ("--".equals(spelled[i])) {
        break; // what follows is not options
      }
      spelled[i] = camelCase(spelled[i]);
    }
    return spelled;
  }

  static String camelCase(String arg) {
    if (!arg.startsWith("--") || arg.length() < 3) {
      return arg;
    }
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
    if (!name.contains("-")) {
      return arg;
    }
    StringBuilder camel = new StringBuilder("--");
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = camel.length() > 2;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel + (equals < 0 ? "" : arg.substring(equals));
  }
}
