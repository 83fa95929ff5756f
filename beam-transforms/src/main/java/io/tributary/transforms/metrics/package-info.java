/** Beam counters kept cheap on every runner: counted locally per bundle, reported when it ends. */
package io.tributary.transforms.metrics;
