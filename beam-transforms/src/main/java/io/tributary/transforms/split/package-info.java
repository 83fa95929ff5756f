/**
 * Deterministic splitting of examples into named splits (train, eval, ...): a seeded hash of key
 * columns decides, so the same input and seed always give the same assignment on every runner.
 */
package io.tributary.transforms.split;
