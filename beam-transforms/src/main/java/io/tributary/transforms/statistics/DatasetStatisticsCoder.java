package io.tributary.transforms.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes {@link DatasetStatistics} as its {@code statistics.json} text, so that statistics cross
 * a runner's boundaries in the artifact format, with no Java serialisation.
 */
public final class DatasetStatisticsCoder extends CustomCoder<DatasetStatistics> {
  private static final long serialVersionUID = 1L;
  private static final DatasetStatisticsCoder INSTANCE = new DatasetStatisticsCoder();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  private DatasetStatisticsCoder() {}

  public static DatasetStatisticsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DatasetStatistics value, OutputStream outStream) throws IOException {
    BYTES.encode(StatisticsJson.toJson(value).getBytes(StandardCharsets.UTF_8), outStream);
  }

  @Override
  public DatasetStatistics decode(InputStream inStream) throws IOException {
    return StatisticsJson.fromJson(new String(BYTES.decode(inStream), StandardCharsets.UTF_8));
  }

  @Override
  public void verifyDeterministic() {}
}
