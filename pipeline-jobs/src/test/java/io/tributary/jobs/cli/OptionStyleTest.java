package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One option style: the help of every command documents camelCase options only and exits 0, and
 * every command accepts the kebab-case spelling of each option as well.
 */
class OptionStyleTest {

  private static final Pattern KEBAB_OPTION = Pattern.compile("--[a-z0-9]+-[a-z0-9-]+");

  @TempDir Path dir;

  @Test
  void everyCommandsHelpExitsZeroAndDocumentsCamelCaseOnly() {
    List<List<String>> commands = new ArrayList<>();
    collect(TributaryCli.commandLine(), new ArrayList<>(), commands);
    assertTrue(commands.size() > 15, "every command and subcommand: " + commands);
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), command + " --help: " + run.err());
      assertTrue(run.out().contains("--"), command + " --help prints the options");
      Matcher kebab = KEBAB_OPTION.matcher(run.out());
      assertFalse(kebab.find(), command + " --help documents " + (kebab.hitEnd() ? "" : kebab.group()) + ": " + run.out());
    }
  }

  @Test
  void runHelpExitsZero() {
    CliRun run = CliRun.of("run", "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--noCache"), run.out());
  }

  @Test
  void picocliOptionsTakeBothSpellings() {
    for (String option : List.of("--failOn", "--fail-on")) {
      CliRun run = CliRun.of("validate", "--statistics=" + dir, "--schema=" + dir, "--output=" + dir.resolve("out"),
          option + "=sometimes");
      assertEquals(2, run.exitCode(), option);
      assertTrue(run.err().contains("sometimes") && !run.err().contains("Unknown option"), option + ": " + run.err());
    }
    for (String option : List.of("--maxDomainSize", "--max-domain-size")) {
      CliRun run = CliRun.of("schemagen", "--statistics=" + dir, "--output=" + dir.resolve("out"), option + "=many");
      assertEquals(2, run.exitCode(), option);
      assertTrue(run.err().contains("'many' is not an int") || run.err().contains("many"), option + ": " + run.err());
      assertFalse(run.err().contains("Unknown option"), option + ": " + run.err());
    }
  }

  @Test
  void beamStyleJobOptionsTakeBothSpellings() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "passThrough: [a]\n");
    for (String option : List.of("--fitSplit", "--fit-split")) {
      CliRun run = CliRun.of("transform", "--examples=" + dir.resolve("none"), "--spec=" + spec,
          "--output=" + dir.resolve("out"), option + "=eval");
      assertEquals(2, run.exitCode(), option);
      assertFalse(run.err().contains("unknown option"), option + ": " + run.err());
      assertTrue(run.err().contains("cannot read --examples="), option + ": " + run.err());
    }
  }

  @Test
  void valuesAndTheEndOfOptionsAreLeftAlone() {
    assertEquals("--rangeMargin=0.5", OptionSpelling.camelCase("--range-margin=0.5"));
    assertEquals("--input=my-file.csv", OptionSpelling.camelCase("--input=my-file.csv"));
    assertEquals("--maxP99LatencyMs", OptionSpelling.camelCase("--max-p99-latency-ms"));
    assertEquals(List.of("--noCache", "--", "--no-cache"),
        List.of(OptionSpelling.camelCase(new String[] {"--no-cache", "--", "--no-cache"})));
    assertEquals("validate-records", OptionSpelling.camelCase("validate-records"));
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    command.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help") || sub.getCommandSpec().aliases().length > 0 && !name.equals(sub.getCommandName())) {
        return;
      }
      List<String> next = new ArrayList<>(path);
      next.add(name);
      into.add(next);
      collect(sub, next, into);
    });
  }
}
