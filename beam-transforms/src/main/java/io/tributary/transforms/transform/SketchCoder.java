package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * Encodes a DataSketches sketch as its own portable binary form (length-prefixed), the form the
 * library documents as stable across versions and languages. Deterministic: equal sketch state
 * gives equal bytes.
 */
final class SketchCoder<T> extends CustomCoder<T> {

  private final SerializableFunction<T, byte[]> toBytes;
  private final SerializableFunction<byte[], T> fromBytes;

  SketchCoder(SerializableFunction<T, byte[]> toBytes, SerializableFunction<byte[], T> fromBytes) {
    this.toBytes = toBytes;
    this.fromBytes = fromBytes;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    ByteArrayCoder.of().encode(toBytes.apply(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return fromBytes.apply(ByteArrayCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
