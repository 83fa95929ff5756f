package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A coder that writes a value field by field with {@link DataOutputStream}: no Java serialisation,
 * and the same value always gives the same bytes (maps are written in sorted order), so the coder
 * is deterministic and may encode grouping keys. Subclasses are stateless singletons.
 */
abstract class DataStreamCoder<T> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  abstract void write(T value, DataOutputStream out) throws IOException;

  abstract T read(DataInputStream in) throws IOException;

  @Override
  public final void encode(T value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    write(value, out);
    out.flush();
  }

  @Override
  public final T decode(InputStream inStream) throws IOException {
    // DataInputStream reads exactly the bytes asked for, so nothing past this value is consumed.
    return read(new DataInputStream(inStream));
  }

  @Override
  public final void verifyDeterministic() {}

  /** Writes {@code text} as its UTF-8 length and bytes (no 64 KB limit, unlike {@code writeUTF}). */
  static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
