package io.tributary.transforms.examples;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.io.AvroDatumFactory;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * Writes rows of several splits straight to data files, as they are read: each split has at most
 * one open file, and a file is closed and a new one begun once it holds {@code shardBytes}
 * bytes. A step that writes this way hands on file names instead of rows, so no runner holds a
 * bundle's rows (the DirectRunner keeps a step's whole output in memory until the step ends), and
 * the next job reads files of a size it can split.
 *
 * <p>Files get unique temporary names under {@code tempFolder}; {@link PublishShards} moves the
 * finished ones into their split folders, so a retried bundle's files are never published. Not
 * thread-safe: one per DoFn instance and bundle.
 */
public final class SplitShardWriter {

  /** What a {@link SplitShardWriter} needs, fixed when the pipeline is built. */
  public record Config(
      String tempFolder, List<String> splits, ExampleFormat format, String avroSchema, long shardBytes)
      implements Serializable {

    public Config {
      splits = List.copyOf(splits);
      if (shardBytes < 1) {
        throw new IllegalArgumentException("shardBytes is " + shardBytes + ": give a positive size");
      }
    }
  }

  private final Config config;
  private final org.apache.avro.Schema avro;
  private final SerializableFunction<Row, GenericRecord> toRecord;
  private final OpenShard[] open;
  private final List<ShardFile> finished = new ArrayList<>();

  public SplitShardWriter(Config config) {
    this.config = config;
    this.avro = new org.apache.avro.Schema.Parser().parse(config.avroSchema());
    this.toRecord = AvroUtils.getRowToGenericRecordFunction(avro);
    this.open = new OpenShard[config.splits().size()];
  }

  /** Writes a row to split number {@code split} (an index into {@link Config#splits()}). */
  public void write(int split, Row row) throws IOException {
    OpenShard shard = open[split];
    if (shard == null) {
      shard = open[split] = new OpenShard(config.splits().get(split));
    }
    shard.write(toRecord.apply(row));
    if (shard.channel.bytes >= config.shardBytes()) {
      finished.add(shard.close());
      open[split] = null;
    }
  }

  /** Closes the open files; returns every file finished since the last call. */
  public List<ShardFile> finish() throws IOException {
    for (int i = 0; i < open.length; i++) {
      if (open[i] != null) {
        finished.add(open[i].close());
        open[i] = null;
      }
    }
    List<ShardFile> done = List.copyOf(finished);
    finished.clear();
    return done;
  }

  private final class OpenShard {
    private final String split;
    private final String path;
    private final CountingChannel channel;
    private final FileIO.Sink<? super GenericRecord> sink;
    private long rows;

    OpenShard(String split) throws IOException {
      this.split = split;
      this.path = ExamplesIO.join(config.tempFolder(), UUID.randomUUID() + config.format().suffix());
      this.channel =
          new CountingChannel(
              FileSystems.create(
                  FileSystems.matchNewResource(path, false),
                  CreateOptions.StandardCreateOptions.builder().setMimeType("application/octet-stream").build()));
      this.sink = config.format() == ExampleFormat.AVRO ? avroSink(avro) : parquetSink(avro);
      sink.open(channel);
    }

    void write(GenericRecord record) throws IOException {
      sink.write(record);
      rows++;
    }

    ShardFile close() throws IOException {
      sink.flush();
      if (channel.isOpen()) {
        channel.close();
      }
      return new ShardFile(split, path, rows);
    }
  }

  /** Snappy, as Beam's Avro writes; Avro's generic writer, which wrote in half the time of Beam's default (reflection). */
  private static FileIO.Sink<? super GenericRecord> avroSink(org.apache.avro.Schema avro) {
    return AvroIO.<GenericRecord>sink(avro)
        .withCodec(CodecFactory.snappyCodec())
        .withDatumWriterFactory(AvroDatumFactory.generic());
  }

  /** Apart, so that Parquet's classes (optional) are loaded only when Parquet is written. */
  private static FileIO.Sink<? super GenericRecord> parquetSink(org.apache.avro.Schema avro) {
    return ParquetIO.sink(avro);
  }

  /** Counts the bytes written through it, which is how a file knows it is full. */
  private static final class CountingChannel implements WritableByteChannel {
    private final WritableByteChannel out;
    private long bytes;

    CountingChannel(WritableByteChannel out) {
      this.out = out;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      int written = out.write(source);
      bytes += written;
      return written;
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
