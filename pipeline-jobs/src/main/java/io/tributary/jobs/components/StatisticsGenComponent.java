package io.tributary.jobs.components;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * StatisticsGen in a pipeline: input {@code examples}, output {@code statistics}; the parameters
 * are the options of {@code tributary statistics} but those the driver sets.
 */
final class StatisticsGenComponent implements Component {

  private static final Set<String> DRIVER_OPTIONS = Set.of("examples", "output", "overwrite", "profile");

  @Override
  public String type() {
    return "StatisticsGen";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return Map.of("examples", "Examples");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("statistics", "ExampleStatistics");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(StatisticsGenOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    String[] args =
        JobArgs.from(context, Set.of())
            .with("examples", context.inputs().get("examples"))
            .with("output", context.outputs().get("statistics"))
            .plus(context.runnerArgs());
    List<DatasetStatistics> statistics =
        new StatisticsGenJob(JobArguments.parse(args, StatisticsGenOptions.class), context.out(), context.reportSubject())
            .run();
    return Map.of(
        "statistics",
        JobArgs.properties(
            "splits", statistics.stream().map(DatasetStatistics::split).collect(Collectors.joining(",")),
            "rows", statistics.stream().mapToLong(DatasetStatistics::rowCount).sum()));
  }
}
