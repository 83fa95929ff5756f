/**
 * Beam counters on every runner: kept cheap (counted locally per bundle, reported when it ends) and
 * read back with the same totals.
 */
package io.tributary.transforms.metrics;
