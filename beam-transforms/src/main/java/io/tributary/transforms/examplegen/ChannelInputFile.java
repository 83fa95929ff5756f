package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over a Beam file, so Parquet is read through Beam's file systems (and
 * the file's name is known for dead letters) rather than through Hadoop paths.
 */
final class ChannelInputFile implements InputFile {

  private final SourceFile file;
  private final long length;

  ChannelInputFile(SourceFile file) throws IOException {
    this.file = file;
    try (SeekableByteChannel channel = file.openSeekable()) {
      this.length = channel.size();
    }
  }

  /** The file's name, which Parquet's errors quote ({@code "... is not a Parquet file"}). */
  @Override
  public String toString() {
    return file.name();
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = file.openSeekable();
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }
    };
  }
}
