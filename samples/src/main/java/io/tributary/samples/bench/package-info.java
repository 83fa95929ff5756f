/**
 * Benchmarks that are programs, not tests: they report figures on the machine they run on and
 * never fail a build for being slow.
 */
package io.tributary.samples.bench;
