package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact sum against {@link BigDecimal}, across magnitudes, signs, orders and merges. */
class ExactSumTest {

  private static ExactSum of(List<Double> values) {
    ExactSum sum = new ExactSum();
    values.forEach(sum::add);
    return sum;
  }

  private static BigDecimal reference(List<Double> values) {
    return values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static byte[] bytes(ExactSum sum) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sum.encode(out);
    return out.toByteArray();
  }

  @Test
  void cancellationLosesNothing() {
    assertEquals(0, new BigDecimal(1).compareTo(of(List.of(1e300, 1.0, -1e300)).value()));
    assertEquals(0, new BigDecimal(Double.MIN_VALUE).compareTo(of(List.of(1.0, Double.MIN_VALUE, -1.0)).value()));
    assertEquals(0, BigDecimal.ZERO.compareTo(of(List.of()).value()));
  }

  @Test
  void theExtremesOfTheDoubleRangeAddUp() {
    List<Double> values = List.of(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -0.0);
    assertEquals(0, reference(values).compareTo(of(values).value()));
  }

  @Test
  void anyOrderAndAnyMergeGiveTheSameStateAndTheExactValue() throws Exception {
    Random random = new Random(7);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      values.add((random.nextBoolean() ? 1 : -1) * Math.exp(random.nextGaussian() * 30));
    }
    ExactSum onePass = of(values);
    assertEquals(0, reference(values).compareTo(onePass.value()));
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(values, new Random(seed));
      ExactSum merged = of(values.subList(0, 1000 * seed));
      merged.add(of(values.subList(1000 * seed, values.size())));
      assertArrayEquals(bytes(onePass), bytes(merged), "seed " + seed);
      assertArrayEquals(bytes(onePass), bytes(ExactSum.decode(new ByteArrayInputStream(bytes(merged)))));
    }
  }
}
