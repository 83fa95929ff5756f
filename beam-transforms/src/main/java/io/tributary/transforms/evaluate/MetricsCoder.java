package io.tributary.transforms.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Encodes a metrics record as its JSON text: the records are small, Jackson writes their fields
 * and (sorted) maps in a fixed order, and doubles round-trip exactly through their shortest
 * decimal form. No Java serialisation.
 */
final class MetricsCoder<M extends Metrics> extends DataStreamCoder<M> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Class<M> type;

  private MetricsCoder(Class<M> type) {
    this.type = type;
  }

  static <M extends Metrics> MetricsCoder<M> of(Class<M> type) {
    return new MetricsCoder<>(type);
  }

  @Override
  void write(M value, DataOutputStream out) throws IOException {
    writeString(out, JSON.writeValueAsString(value));
  }

  @Override
  M read(DataInputStream in) throws IOException {
    return JSON.readValue(readString(in), type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricsCoder<?> coder && coder.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }
}
