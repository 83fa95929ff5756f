package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Reads Avro container files; {@code line} in dead letters is the 1-based record number.
 *
 * <p>A truncated file is not mistaken for a shorter one. Avro's reader answers "no more records"
 * when a block breaks off before its end; a whole file, though, ends right after the sync marker
 * of its last block. So when the last whole block ends before the file does, the rest is reported
 * as a dead letter saying where the file breaks off.
 */
final class AvroFileParser implements FileParser {

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    try (ChannelInput in = new ChannelInput(file.openSeekable());
        DataFileReader<GenericRecord> records = new DataFileReader<>(in, new GenericDatumReader<>())) {
      long number = 0;
      GenericRecord record = null;
      while (records.hasNext()) {
        record = records.next(record);
        AvroRecords.emit(++number, record, schema, out);
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
