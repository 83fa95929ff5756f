package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The exact sum of finite doubles, as one big fixed-point integer in units of the smallest double
 * (2<sup>-1074</sup>), so that adding and merging are integer additions: associative and
 * commutative to the last bit. Whatever order values arrive and partial sums merge in, the state
 * after {@link #normalize()} is the same, and so is every result computed from it.
 *
 * <p>Why not a compensated (Kahan) or Welford running sum: those round after every step, and the
 * rounding depends on the order, so a runner that bundles or merges differently gives different
 * last digits, and {@code transform_fn.json} different bytes.
 *
 * <p>The integer is kept as 32-bit digits in {@code long} words: a double's 53-bit significand
 * lands in at most three words, added without carrying; carries are propagated every 2<sup>29</sup>
 * additions and before reading, so no word ever overflows. The words cover the whole double range
 * with 64 bits of headroom, so even sums of 2<sup>63</sup> values near {@code Double.MAX_VALUE} are
 * exact. Adding costs a few integer operations; the state is 68 longs.
 */
final class ExactSum {

  /** 32-bit digits: 2098 bits for any double's position and significand, plus 64 bits of headroom. */
  private static final int WORDS = 68;

  private static final long DIGIT_MASK = 0xFFFF_FFFFL;
  private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
  private static final int ADDS_BEFORE_CARRY = 1 << 29;

  /** The value of one unit, 2^-1074, is 5^1074 / 10^1074. */
  private static final int UNIT_SCALE = 1074;

  private static final BigInteger FIVE_TO_UNIT_SCALE = BigInteger.valueOf(5).pow(UNIT_SCALE);

  private final long[] words = new long[WORDS];
  private int pending;

  /** Adds a finite double exactly. */
  void add(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) ((bits >>> 52) & 0x7FF);
    long significand = bits & SIGNIFICAND_MASK;
    if (exponent != 0) {
      significand |= 1L << 52;
    }
    // Subnormals (exponent 0) and the smallest normals share position 0: unit 2^-1074.
    int position = Math.max(exponent - 1, 0);
    int word = position >>> 5;
    int offset = position & 31;
    long low = (significand & DIGIT_MASK) << offset;
    long high = (significand >>> 32) << offset;
    long digit0 = low & DIGIT_MASK;
    long digit1 = (low >>> 32) + (high & DIGIT_MASK);
    long digit2 = high >>> 32;
    if (bits < 0) {
      words[word] -= digit0;
      words[word + 1] -= digit1;
      words[word + 2] -= digit2;
    } else {
      words[word] += digit0;
      words[word + 1] += digit1;
      words[word + 2] += digit2;
    }
    if (++pending == ADDS_BEFORE_CARRY) {
      normalize();
    }
  }

  /** Adds another exact sum. */
  void add(ExactSum other) {
    other.normalize();
    for (int i = 0; i < WORDS; i++) {
      words[i] += other.words[i];
    }
    normalize();
  }

  /**
   * Propagates carries: afterwards every word but the top one is a digit in [0, 2^32) and the top
   * word holds the signed rest, the one representation of the sum.
   */
  void normalize() {
    for (int i = 0; i < WORDS - 1; i++) {
      long carry = words[i] >> 32;
      words[i] -= carry << 32;
      words[i + 1] += carry;
    }
    pending = 0;
  }

  /** The exact sum. */
  BigDecimal value() {
    normalize();
    BigInteger units = BigInteger.valueOf(words[WORDS - 1]);
    for (int i = WORDS - 2; i >= 0; i--) {
      units = units.shiftLeft(32).add(BigInteger.valueOf(words[i]));
    }
    return new BigDecimal(units.multiply(FIVE_TO_UNIT_SCALE), UNIT_SCALE);
  }

  /** Writes the normalized words from the lowest to the highest non-zero one. */
  void encode(OutputStream out) throws IOException {
    normalize();
    int from = 0;
    while (from < WORDS && words[from] == 0) {
      from++;
    }
    int to = WORDS;
    while (to > from && words[to - 1] == 0) {
      to--;
    }
    VarIntCoder.of().encode(from, out);
    VarIntCoder.of().encode(to - from, out);
    for (int i = from; i < to; i++) {
      VarLongCoder.of().encode(words[i], out);
    }
  }

  static ExactSum decode(InputStream in) throws IOException {
    ExactSum sum = new ExactSum();
    int from = VarIntCoder.of().decode(in);
    int length = VarIntCoder.of().decode(in);
    if (from < 0 || length < 0 || from + length > WORDS) {
      throw new IOException("corrupt exact sum: words " + from + " to " + (from + length) + " of " + WORDS);
    }
    for (int i = from; i < from + length; i++) {
      sum.words[i] = VarLongCoder.of().decode(in);
    }
    return sum;
  }
}
