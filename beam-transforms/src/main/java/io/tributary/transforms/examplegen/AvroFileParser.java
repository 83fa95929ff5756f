package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Reads Avro container files; {@code line} in dead letters is the 1-based record number.
 *
 * <p>A large file is read in ranges of whole blocks: {@link #plan} walks the blocks (reading each
 * block's record count, decoding no records) and cuts at block starts, so each range knows the
 * number of its first record; a range is read from its first block until the next block would start
 * at or past its end.
 *
 * <p>A truncated file is not mistaken for a shorter one. Avro's reader answers "no more records"
 * when a block breaks off before its end; a whole file, though, ends right after the sync marker
 * of its last block. So when the last whole block ends before the file does, the rest is reported
 * as a dead letter saying where the file breaks off.
 */
final class AvroFileParser implements RangedFileParser {

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    read(file, schema, FileRange.whole(), out);
  }

  @Override
  public List<FileRange> plan(SourceFile file, Schema schema, long size, long rangeBytes)
      throws IOException {
    List<FileRange> ranges = new ArrayList<>();
    try (ChannelInput in = new ChannelInput(file.openSeekable());
        DataFileReader<GenericRecord> blocks = new DataFileReader<>(in, new GenericDatumReader<>())) {
      long from = blocks.previousSync();
      long first = 1;
      long number = 1;
      // previousSync() is where the next block starts once a block is consumed whole.
      while (blocks.hasNext()) {
        long blockStart = blocks.previousSync();
        if (blockStart - from >= rangeBytes) {
          ranges.add(new FileRange(from, blockStart, first));
          from = blockStart;
          first = number;
        }
        number += blocks.getBlockCount();
        blocks.nextBlock();
      }
      ranges.add(new FileRange(from, Math.max(from, size), first));
    }
    // The header belongs to the first range, so that the ranges cover the file.
    FileRange head = ranges.get(0);
    ranges.set(0, new FileRange(0, head.to(), head.line()));
    return ranges;
  }

  @Override
  public void read(SourceFile file, Schema schema, FileRange range, ParsedRecords out)
      throws IOException {
    try (ChannelInput in = new ChannelInput(file.openSeekable());
        DataFileReader<GenericRecord> records = new DataFileReader<>(in, new GenericDatumReader<>())) {
      if (range.from() > 0) {
        records.seek(range.from());
      }
      long number = range.line() - 1;
      GenericRecord record = null;
      while (records.previousSync() < range.to() && records.hasNext()) {
        record = records.next(record);
        AvroRecords.emit(++number, record, schema, out);
      }
      if (range.to() < in.length()) {
        return;
      }
      long wholeBlocksEnd = records.previousSync();
      if (wholeBlocksEnd < in.length()) {
        out.deadLetter(
            number + 1,
            "",
            "the file is truncated: it breaks off after record " + number + "; the "
                + (in.length() - wholeBlocksEnd) + " bytes after byte " + wholeBlocksEnd
                + " are not a whole block of records and are lost");
      }
    }
  }

  /** The writer schema of an Avro file, read from its header. */
  static org.apache.avro.Schema schemaOf(SourceFile file) throws IOException {
    try (InputStream in = file.openStream();
        DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
      return records.getSchema();
    }
  }

  /** Avro's random-access input over a Beam file's channel. */
  private static final class ChannelInput implements SeekableInput {
    private final SeekableByteChannel channel;

    ChannelInput(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public long tell() throws IOException {
      return channel.position();
    }

    @Override
    public long length() throws IOException {
      return channel.size();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
