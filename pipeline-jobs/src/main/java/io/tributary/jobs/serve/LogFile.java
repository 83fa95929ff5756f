package io.tributary.jobs.serve;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * One request log file being written: an Avro container file under a temporary name in the log's
 * hidden {@code .tmp/} folder, published by {@link #publish()} in one step (flush, fsync, rename
 * into its span folder, fsync of the folder), so a reader of the span folders never sees a file
 * half written, and a crash leaves at most the temporary file, which the next start deletes.
 */
final class LogFile {

  private final Path temp;
  private final Path target;
  private final FileOutputStream out;
  private final DataFileWriter<GenericRecord> writer;
  private long rows;

  private LogFile(Path temp, Path target, FileOutputStream out, DataFileWriter<GenericRecord> writer) {
    this.temp = temp;
    this.target = target;
    this.out = out;
    this.writer = writer;
  }

  /** Starts {@code temp}, to be published as {@code target}. */
  static LogFile create(Path temp, Path target, org.apache.avro.Schema schema) throws IOException {
    FileOutputStream out = new FileOutputStream(temp.toFile());
    DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema));
    try {
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.create(schema, out);
    } catch (IOException | RuntimeException e) {
      out.close();
      Files.deleteIfExists(temp);
      throw e;
    }
    return new LogFile(temp, target, out, writer);
  }

  void append(GenericRecord record) throws IOException {
    writer.append(record);
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Makes the file durable and moves it into its span folder; returns where it now is. */
  Path publish() throws IOException {
    writer.flush();
    out.getFD().sync();
    writer.close();
    Files.createDirectories(target.getParent());
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    syncFolder(target.getParent());
    return target;
  }

  /** Gives the file up (after a write failed): closes it and deletes the temporary file. */
  void discard() {
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // The file is deleted next; a failure to close it changes nothing.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Swept on the next start.
    }
  }

  /** Makes a rename in {@code folder} durable (Linux allows fsync of a folder; elsewhere it is skipped). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException unsupported) {
      // Not every platform can open a folder; the rename itself is still atomic.
    }
  }
}
