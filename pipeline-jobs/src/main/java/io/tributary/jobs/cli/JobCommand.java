package io.tributary.jobs.cli;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.OptionsHelp;
import io.tributary.jobs.options.TributaryOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A subcommand that runs a Beam job: its arguments are Beam-style {@code --name=value} options,
 * parsed by {@link JobArguments}, documented by {@link OptionsHelp}.
 *
 * <p>Exit codes: 0 done; 1 the job failed; 2 the command line or the configuration is wrong; a job
 * may add its own ({@link #exitCode()}). Errors
 * are one line; set {@code TRIBUTARY_DEBUG=1} for the stack trace.
 */
abstract class JobCommand<T extends TributaryOptions> implements Callable<Integer> {

  static final int FAILED = 1;
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = {"-h", "--help"}, description = "Show this job's options.")
  boolean help;

  @CommandLine.Unmatched List<String> arguments = new ArrayList<>();

  abstract Class<T> optionsType();

  abstract void run(T options) throws Exception;

  /**
   * The exit code once {@link #run} returned: 0. A job whose findings can gate a CI job (e.g.
   * validate-records) overrides it.
   */
  int exitCode() {
    return 0;
  }

  @Override
  public Integer call() {
    String name = spec.name();
    if (help) {
      OptionsHelp.print(name, String.join(" ", spec.usageMessage().description()), optionsType(), System.out);
      return 0;
    }
    return Cli.guard(name, () -> {
      run(JobArguments.parse(arguments.toArray(String[]::new), optionsType()));
      return exitCode();
    });
  }

}
