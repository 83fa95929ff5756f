package io.tributary.transforms.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Gives the files of {@link SplitShardWriter}s their places: once every file is written, each
 * split's files are renamed {@code <examples>/Split-<name>/data-SSSSS-of-NNNNN<suffix>} (ordered by
 * temporary name, so the result does not depend on which worker finished first), every split
 * folder gets its {@value ExamplesIO#SCHEMA_FILE} (an empty split too), and the temporary folder
 * with whatever failed attempts left in it is deleted. Each folder then reads with {@link
 * ExamplesIO#read}. Outputs the published files.
 */
public final class PublishShards extends PTransform<PCollection<ShardFile>, PCollection<ShardFile>> {

  private final String examples;
  private final SplitShardWriter.Config config;

  /**
   * @param examples the folder that gets one {@code Split-<name>} folder per split
   * @param config the configuration the files were written with
   */
  public PublishShards(String examples, SplitShardWriter.Config config) {
    this.examples = examples;
    this.config = config;
  }

  /** The folder of one split inside an examples folder. */
  public static String splitFolder(String examples, String split) {
    return ExamplesIO.join(examples, ExamplesIO.SPLIT_PREFIX + split);
  }

  @Override
  public PCollection<ShardFile> expand(PCollection<ShardFile> shards) {
    return shards
        .apply("AllFiles", Combine.globally(new ListShards()))
        .apply("Rename", ParDo.of(new PublishFn(examples, config)));
  }

  private static final class ListShards extends Combine.CombineFn<ShardFile, List<ShardFile>, List<ShardFile>> {
    @Override
    public List<ShardFile> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<ShardFile> addInput(List<ShardFile> files, ShardFile file) {
      files.add(file);
      return files;
    }

    @Override
    public List<ShardFile> mergeAccumulators(Iterable<List<ShardFile>> lists) {
      List<ShardFile> all = new ArrayList<>();
      lists.forEach(all::addAll);
      return all;
    }

    @Override
    public List<ShardFile> extractOutput(List<ShardFile> files) {
      return files;
    }
  }

  private static final class PublishFn extends DoFn<List<ShardFile>, ShardFile> {
    private final String examples;
    private final SplitShardWriter.Config config;

    PublishFn(String examples, SplitShardWriter.Config config) {
      this.examples = examples;
      this.config = config;
    }

    @ProcessElement
    public void process(@Element List<ShardFile> all, OutputReceiver<ShardFile> out) throws IOException {
      for (String split : config.splits()) {
        List<ShardFile> files =
            all.stream()
                .filter(file -> file.split().equals(split))
                .sorted(Comparator.comparing(ShardFile::path))
                .toList();
        String folder = splitFolder(examples, split);
        List<ResourceId> from = new ArrayList<>();
        List<ResourceId> to = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
          String name = String.format("data-%05d-of-%05d%s", i, files.size(), config.format().suffix());
          String target = ExamplesIO.join(folder, name);
          from.add(FileSystems.matchNewResource(files.get(i).path(), false));
          to.add(FileSystems.matchNewResource(target, false));
          out.output(new ShardFile(split, target, files.get(i).rows()));
        }
        writeSchema(folder);
        FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      }
      deleteTemporaryFiles();
    }

    private void writeSchema(String folder) throws IOException {
      ResourceId schema = FileSystems.matchNewResource(ExamplesIO.join(folder, ExamplesIO.SCHEMA_FILE), false);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(schema, "application/json"))) {
        out.write((new org.apache.avro.Schema.Parser().parse(config.avroSchema()).toString(true) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }

    private void deleteTemporaryFiles() throws IOException {
      List<ResourceId> left = new ArrayList<>();
      for (MatchResult.Metadata file :
          FileSystems.match(ExamplesIO.join(config.tempFolder(), "*"), EmptyMatchTreatment.ALLOW).metadata()) {
        left.add(file.resourceId());
      }
      left.add(FileSystems.matchNewResource(config.tempFolder(), true));
      FileSystems.delete(left, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
