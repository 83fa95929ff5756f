package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A file to parse, whether it arrives as a {@link FileIO.ReadableFile} inside the pipeline or is
 * opened by name while the pipeline is built (to infer a schema). Text is decompressed according to
 * the file's extension.
 */
interface SourceFile {

  /** The file's full name, as reported in dead letters. */
  String name();

  /** The file's bytes, decompressed. */
  ReadableByteChannel open() throws IOException;

  /** Random access to the raw file, for formats with a footer (Parquet). */
  SeekableByteChannel openSeekable() throws IOException;

  /** The file as UTF-8 text; undecodable bytes become U+FFFD rather than failing the file. */
  default Reader openText() throws IOException {
    return Channels.newReader(
        open(),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE),
        -1);
  }

  default InputStream openStream() throws IOException {
    return Channels.newInputStream(open());
  }

  /**
   * The file's bytes, decompressed, from {@code offset} on: by seeking where the file allows it,
   * else by reading past the bytes before it.
   */
  default InputStream openAt(long offset) throws IOException {
    ReadableByteChannel channel = open();
    if (offset > 0 && channel instanceof SeekableByteChannel seekable) {
      seekable.position(offset);
      return Channels.newInputStream(channel);
    }
    InputStream in = Channels.newInputStream(channel);
    in.skipNBytes(offset);
    return in;
  }

  static SourceFile of(FileIO.ReadableFile file) {
    return new SourceFile() {
      @Override
      public String name() {
        return file.getMetadata().resourceId().toString();
      }

      @Override
      public ReadableByteChannel open() throws IOException {
        return file.open();
      }

      @Override
      public SeekableByteChannel openSeekable() throws IOException {
        return file.openSeekable();
      }
    };
  }

  static SourceFile named(String path) {
    ResourceId id = FileSystems.matchNewResource(path, false);
    return new SourceFile() {
      @Override
      public String name() {
        return path;
      }

      @Override
      public ReadableByteChannel open() throws IOException {
        return Compression.detect(path).readDecompressed(FileSystems.open(id));
      }

      @Override
      public SeekableByteChannel openSeekable() throws IOException {
        ReadableByteChannel channel = FileSystems.open(id);
        if (channel instanceof SeekableByteChannel) {
          return (SeekableByteChannel) channel;
        }
        channel.close();
        throw new IOException(path + " is on a file system without random access");
      }
    };
  }
}
