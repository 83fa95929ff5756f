/**
 * BulkInferrer: scores raw rows with a saved model and the transform it was trained on, as a
 * Beam transform; rows that cannot be scored become dead letters.
 */
package io.tributary.transforms.inference;
