package io.tributary.samples.synthetic;

import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The synthetic examples: an id, a label and 20 features (10 numeric, 7 categorical, 3 boolean).
 *
 * <p>Row {@code i} depends only on the seed and {@code i}, so any slice of rows can be generated on
 * its own and the data set is the same however it is sharded.
 *
 * <table>
 *   <caption>Features</caption>
 *   <tr><td>num_normal, num_uniform</td><td>N(0,1), U(0,100)</td></tr>
 *   <tr><td>num_lognormal, num_exponential</td><td>right-skewed</td></tr>
 *   <tr><td>num_outliers</td><td>N(50,10) with 0.5% of values near 1e6</td></tr>
 *   <tr><td>num_zero_inflated</td><td>70% zeros</td></tr>
 *   <tr><td>num_with_nan</td><td>1% NaN, 0.1% infinite</td></tr>
 *   <tr><td>num_missing</td><td>30% missing</td></tr>
 *   <tr><td>int_count, int_age</td><td>longs: a skewed count, 18 to 90</td></tr>
 *   <tr><td>cat_device, cat_color</td><td>5 and 12 values</td></tr>
 *   <tr><td>cat_country, cat_city, cat_token</td><td>Zipf over 200, 20,000 and 100,000 values</td></tr>
 *   <tr><td>cat_missing</td><td>Zipf over 50 values, 20% missing</td></tr>
 *   <tr><td>cat_sku</td><td>almost unique, long strings</td></tr>
 *   <tr><td>bool_active, bool_premium, bool_missing</td><td>50%, 5% true; 10% missing</td></tr>
 * </table>
 *
 * <p>The label ({@code low}, {@code mid}, {@code high}) is a noisy function of a few features, so a
 * model has something to learn.
 */
public final class SyntheticExamples {

  private static final String[] DEVICES = {"phone", "desktop", "tablet", "tv", "watch"};
  private static final String[] COLORS = {
    "red", "green", "blue", "black", "white", "grey", "yellow", "orange", "purple", "pink", "brown", "cyan"
  };

  public static final Schema SCHEMA =
      SchemaBuilder.record("Example")
          .namespace("io.tributary.examples")
          .fields()
          .requiredLong("id")
          .requiredString("label")
          .requiredDouble("num_normal")
          .requiredDouble("num_uniform")
          .requiredDouble("num_lognormal")
          .requiredDouble("num_exponential")
          .requiredDouble("num_outliers")
          .requiredDouble("num_zero_inflated")
          .requiredDouble("num_with_nan")
          .optionalDouble("num_missing")
          .requiredLong("int_count")
          .requiredLong("int_age")
          .requiredString("cat_device")
          .requiredString("cat_color")
          .requiredString("cat_country")
          .requiredString("cat_city")
          .requiredString("cat_token")
          .optionalString("cat_missing")
          .requiredString("cat_sku")
          .requiredBoolean("bool_active")
          .requiredBoolean("bool_premium")
          .optionalBoolean("bool_missing")
          .endRecord();

  private static final Zipf COUNTRIES = new Zipf(200, 1.2);
  private static final Zipf CITIES = new Zipf(20_000, 1.05);
  private static final Zipf TOKENS = new Zipf(100_000, 1.01);
  private static final Zipf MISSING_CATEGORY = new Zipf(50, 1.1);

  private final long seed;

  public SyntheticExamples(long seed) {
    this.seed = seed;
  }

  /** Row {@code id}, the same for the same seed every time. */
  public GenericRecord row(long id) {
    SplittableRandom random = new SplittableRandom(mix(seed, id));
    GenericData.Record r = new GenericData.Record(SCHEMA);
    double normal = gaussian(random);
    double uniform = random.nextDouble() * 100;
    double lognormal = Math.exp(1 + 0.8 * gaussian(random));
    double exponential = -Math.log(1 - random.nextDouble()) * 5;
    boolean premium = random.nextDouble() < 0.05;
    r.put("id", id);
    r.put("num_normal", normal);
    r.put("num_uniform", uniform);
    r.put("num_lognormal", lognormal);
    r.put("num_exponential", exponential);
    r.put("num_outliers", random.nextDouble() < 0.005 ? 1e6 * (1 + random.nextDouble()) : 50 + 10 * gaussian(random));
    r.put("num_zero_inflated", random.nextDouble() < 0.7 ? 0.0 : exponential * 3);
    double special = random.nextDouble();
    r.put("num_with_nan", special < 0.01 ? Double.NaN : special < 0.011 ? Double.POSITIVE_INFINITY : gaussian(random) * 1e-3);
    r.put("num_missing", random.nextDouble() < 0.3 ? null : 10 + gaussian(random));
    r.put("int_count", (long) Math.floor(exponential * exponential));
    r.put("int_age", 18L + random.nextInt(73));
    r.put("cat_device", DEVICES[random.nextInt(DEVICES.length)]);
    r.put("cat_color", COLORS[random.nextInt(COLORS.length)]);
    r.put("cat_country", "country-" + COUNTRIES.next(random));
    r.put("cat_city", "city-" + CITIES.next(random));
    r.put("cat_token", "tok" + TOKENS.next(random));
    r.put("cat_missing", random.nextDouble() < 0.2 ? null : "m" + MISSING_CATEGORY.next(random));
    r.put("cat_sku", "sku-" + Long.toHexString(random.nextLong()) + "-" + "x".repeat(random.nextInt(40)));
    r.put("bool_active", random.nextBoolean());
    r.put("bool_premium", premium);
    r.put("bool_missing", random.nextDouble() < 0.1 ? null : random.nextBoolean());
    double score = normal + 0.03 * (uniform - 50) + (premium ? 1.5 : 0) + 0.3 * gaussian(random);
    r.put("label", score < -0.5 ? "low" : score < 0.8 ? "mid" : "high");
    return r;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; one value per call keeps rows independent of each other's draws.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** SplitMix64 finaliser of seed and row: neighbouring rows get unrelated streams. */
  static long mix(long seed, long id) {
    long z = seed * 0x9E3779B97F4A7C15L + id;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
