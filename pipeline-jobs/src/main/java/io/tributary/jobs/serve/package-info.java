/**
 * The model server, {@code tributary serve}: serves every model the Pusher publishes under a
 * serving directory over HTTP (TF Serving's REST shape), applying each version's own fitted
 * transform through {@link io.tributary.transforms.model.Predictor}, the single-record path
 * BulkInferrer runs too. New versions are loaded in the background, checked by a canary and
 * swapped in atomically. See {@code pipeline-jobs/docs/serving.md}.
 */
package io.tributary.jobs.serve;
