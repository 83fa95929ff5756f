package io.tributary.transforms.examples;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over a Beam file, so Parquet is read through Beam's file systems
 * ({@code gs://}, {@code hdfs://}, local) rather than through Hadoop paths, by ExampleGen's parser
 * and by {@link ExampleFiles}. Public only for those two packages' sake. Parquet is an optional
 * dependency: only code that reads Parquet may load this class.
 */
public final class ChannelInputFile implements InputFile {

  /** Opens a fresh channel on the file, positioned at its start. */
  @FunctionalInterface
  public interface Opener {
    SeekableByteChannel open() throws IOException;
  }

  private final String name;
  private final Opener opener;
  private final long length;

  /** The file {@code name}, read through channels from {@code opener}. */
  public ChannelInputFile(String name, Opener opener) throws IOException {
    this.name = name;
    this.opener = opener;
    try (SeekableByteChannel channel = opener.open()) {
      this.length = channel.size();
    }
  }

  /** The file {@code id} of a Beam file system that offers random access (all of Beam's do). */
  public static ChannelInputFile of(ResourceId id) throws IOException {
    return new ChannelInputFile(id.toString(), () -> seekable(id));
  }

  private static SeekableByteChannel seekable(ResourceId id) throws IOException {
    ReadableByteChannel channel = FileSystems.open(id);
    if (channel instanceof SeekableByteChannel) {
      return (SeekableByteChannel) channel;
    }
    channel.close();
    throw new IOException(id + " is on a file system without random access");
  }

  /** The file's name, which Parquet's errors quote ({@code "... is not a Parquet file"}). */
  @Override
  public String toString() {
    return name;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = opener.open();
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
