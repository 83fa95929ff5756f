package io.tributary.jobs.cli;

import io.tributary.jobs.execution.FatalErrors;
import io.tributary.jobs.metadata.MetadataCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the shaded jar and of the {@code ./tributary} launcher.
 *
 * <p>Each subcommand is one job or tool; {@code tributary <command> --help} documents its options,
 * in camelCase; kebab-case spellings ({@code --failOn} for {@code --failOn}) are accepted too.
 */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    version = "Tributary 0.1.0-SNAPSHOT",
    description = "Production machine-learning pipelines for the JVM, built on Apache Beam.",
    subcommands = {
      ExampleGenCommand.class,
      StatisticsGenCommand.class,
      TransformCommand.class,
      TrainCommand.class,
      TuneCommand.class,
      InfraValidateCommand.class,
      PushCommand.class,
      InferCommand.class,
      EvaluateCommand.class,
      ServeCommand.class,
      MonitorCommand.class,
      RunCommand.class,
      InitCommand.class,
      SchemaGenCommand.class,
      ValidateCommand.class,
      ValidateRecordsCommand.class,
      MetadataCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TributaryCli implements Runnable {

  static {
    io.tributary.jobs.execution.LibraryLogging.install(); // libraries' java.util.logging at WARN, through log4j2.xml
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    FatalErrors.install(System.err);
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line of every command: options may be spelled in camelCase, as the help documents
   * them, or in kebab-case ({@link OptionSpelling}).
   */
  public static CommandLine commandLine() {
    return new CommandLine(new TributaryCli()) {
      @Override
      public int execute(String... args) {
        return super.execute(OptionSpelling.camelCase(args));
      }
    };
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
