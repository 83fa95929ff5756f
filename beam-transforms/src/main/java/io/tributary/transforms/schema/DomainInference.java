package io.tributary.transforms.schema;

import io.tributary.transforms.statistics.RankBucket;
import io.tributary.transforms.statistics.StringStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a string feature is truly categorical, so that it gets a domain, and if not why. A
 * domain is only worth having when another sample of the same data will hold (almost) no value
 * outside it: the counts must be exact, the distinct values few, each seen several times, most not
 * seen just once (else ids or free text), and the values not dates or times (a later sample always
 * has new dates). Its {@code minDomainMass} leaves room for the new values another sample of
 * {@code heldOutRows} rows will hold: their expected share is the Good-Turing estimate {@code
 * singletons / present}, plus three standard errors for that sample's size, and at least 1%.
 */
final class DomainInference {
  /** A categorical value is seen at least this many times on average. */
  static final int MIN_MEAN_REPEATS = 5;
  /** With this many distinct values or more, most of them must be seen more than once. */
  static final int MANY_VALUES = 10;
  /** The share of the most frequent values (the rank histogram) that must look like dates for a column of dates. */
  static final double DATE_SHARE = 0.8;

  private DomainInference() {}

  /** The domain and its mass set on {@code builder}; or null, else the reason for none. */
  static String infer(
      FeatureSchema.Builder builder, String name, StringStatistics string, long present, int maxDomainSize,
      long heldOutRows) {
    long distinct = string.distinctCount();
    if (present == 0 || maxDomainSize == 0) {
      return null;
    }
    long listed = 0;
    long dates = 0;
    long singletons = 0;
    List<String> values = new ArrayList<>();
    for (RankBucket bucket : string.rankHistogram()) {
      long count = Math.round(bucket.sampleCount());
      values.add(bucket.label());
      listed += count;
      dates += DateLike.matches(bucket.label()) ? count : 0;
      singletons += count == 1 ? 1 : 0;
    }
    if (dates >= DATE_SHARE * listed) {
      return name + ": no domain: the values look like dates or times, and a later sample has new ones";
    }
    if (!string.isExact() || distinct > maxDomainSize || distinct > string.rankHistogram().size()) {
      return name + ": no domain: " + (string.isExact() ? "" : "about ") + distinct
          + " distinct values, more than the " + maxDomainSize + " a domain may have";
    }
    if (present < (long) MIN_MEAN_REPEATS * distinct) {
      return name + ": no domain: " + distinct + " distinct values in " + present + " rows repeat too little"
          + " (fewer than " + MIN_MEAN_REPEATS + " rows per value): looks like ids or free text";
    }
    if (distinct >= MANY_VALUES && singletons * 2 > distinct) {
      return name + ": no domain: " + singletons + " of its " + distinct
          + " distinct values were seen once: looks like ids or free text";
    }
    values.sort(null);
    double unseen = Math.max(singletons, 1) / (double) present;
    builder.setDomain(values).setMinDomainMass(SchemaGen.massFor(unseen, heldOutRows));
    return null;
  }
}
