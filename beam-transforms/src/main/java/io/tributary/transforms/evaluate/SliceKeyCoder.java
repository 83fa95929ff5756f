package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Encodes a {@link SliceKey}: the number of columns, then each column and its value (UTF-8). */
public final class SliceKeyCoder extends DataStreamCoder<SliceKey> {
  private static final long serialVersionUID = 1L;
  private static final SliceKeyCoder INSTANCE = new SliceKeyCoder();

  private SliceKeyCoder() {}

  public static SliceKeyCoder of() {
    return INSTANCE;
  }

  /** Equal keys encode to equal bytes, so Beam may compare keys by their encoding. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  void write(SliceKey key, DataOutputStream out) throws IOException {
    out.writeInt(key.columns().size());
    for (int i = 0; i < key.columns().size(); i++) {
      writeString(out, key.columns().get(i));
      writeString(out, key.values().get(i));
    }
  }

  @Override
  SliceKey read(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> columns = new ArrayList<>(size);
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      columns.add(readString(in));
      values.add(readString(in));
    }
    return new SliceKey(columns, values);
  }
}
