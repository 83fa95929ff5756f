package io.tributary.jobs.cli;

import io.tributary.jobs.metadata.MetadataCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the shaded jar and of the {@code ./tributary} launcher.
 *
 * <p>Each subcommand is one job or tool; {@code tributary <command> --help} documents its options.
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
      RunCommand.class,
      InitCommand.class,
      SchemaGenCommand.class,
      ValidateCommand.class,
      ValidateRecordsCommand.class,
      MetadataCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TributaryCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TributaryCli()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
