package io.tributary.jobs.statistics;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Describes one split's rows and writes {@code <folder>/statistics.json}: the step every job that
 * publishes statistics shares (StatisticsGen for examples, Transform for transformed examples).
 *
 * <pre>{@code
 * rows.apply("Statistics/train", WriteStatistics.to(folder, Statistics.generate().withSplit("train")));
 * // after the run:
 * DatasetStatistics train = WriteStatistics.read(folder);
 * }</pre>
 */
public final class WriteStatistics extends PTransform<PCollection<Row>, PDone> {

  private final Path folder;
  private final Statistics.Generate generate;

  private WriteStatistics(Path folder, Statistics.Generate generate) {
    this.folder = folder;
    this.generate = generate;
  }

  /** Writes the statistics {@code generate} computes into {@code folder} (absolute, seen by workers). */
  public static WriteStatistics to(Path folder, Statistics.Generate generate) {
    return new WriteStatistics(folder.toAbsolutePath(), generate);
  }

  /** Reads back what {@link #to} wrote into {@code folder}. */
  public static DatasetStatistics read(Path folder) throws IOException {
    return StatisticsJson.read(folder.resolve(StatisticsJson.FILE_NAME));
  }

  /**
   * Writes statistics computed by another transform, such as {@code Statistics.Generate#ofExamples},
   * into {@code folder} (absolute, seen by workers), as {@link #to} does.
   */
  public static PTransform<PCollection<DatasetStatistics>, PDone> json(Path folder) {
    return new Json(folder.toAbsolutePath());
  }

  @Override
  public PDone expand(PCollection<Row> rows) {
    return rows.apply("Statistics", generate).apply(new Json(folder));
  }

  /** The statistics of one split as {@code folder/statistics.json}. */
  private static final class Json extends PTransform<PCollection<DatasetStatistics>, PDone> {
    private final Path folder;

    Json(Path folder) {
      this.folder = folder;
    }

    @Override
    public PDone expand(PCollection<DatasetStatistics> statistics) {
      return statistics
          .apply("Json", MapElements.into(TypeDescriptors.strings()).via(StatisticsJson::toJson))
          .apply(
              "Write",
              TextIO.write().to(folder.resolve("statistics").toString()).withSuffix(".json").withoutSharding());
    }
  }
}
