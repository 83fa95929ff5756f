/** Samples and benchmarks: the penguin pipeline, a seeded synthetic data generator. */
package io.tributary.samples;
