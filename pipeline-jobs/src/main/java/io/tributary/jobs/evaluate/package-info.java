/**
 * The Evaluator job ({@code tributary evaluate}): scores a split with a candidate model and an
 * optional baseline, computes metrics per slice ({@code Evaluate}), judges the thresholds ({@code
 * ThresholdJudge}), and publishes {@code metrics.json}, {@code evaluation.html} and the blessing
 * folder ({@code BLESSED} or {@code NOT_BLESSED}, {@code blessing.json}).
 */
package io.tributary.jobs.evaluate;
