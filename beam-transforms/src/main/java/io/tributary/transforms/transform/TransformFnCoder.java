package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Encodes a {@link TransformFn} as its {@code transform_fn.json} text, so the fitted transform
 * travels between workers (and into side inputs) in the same form it is saved in. Deterministic.
 */
public final class TransformFnCoder extends AtomicCoder<TransformFn> {

  private static final TransformFnCoder INSTANCE = new TransformFnCoder();

  private TransformFnCoder() {}

  public static TransformFnCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(TransformFn fn, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(fn.toJson(), out);
  }

  @Override
  public TransformFn decode(InputStream in) throws IOException {
    return TransformFn.fromJson(StringUtf8Coder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
