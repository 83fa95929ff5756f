package io.tributary.transforms.evaluate;

import java.io.Serializable;

/**
 * One class's metrics. A ratio whose denominator is 0 (a class never predicted, or absent from
 * the labels) is 0.
 *
 * @param precision predicted as this class and right / predicted as this class
 * @param recall labelled as this class and found / labelled as this class
 * @param f1 harmonic mean of precision and recall
 * @param support rows labelled as this class
 * @param rocAuc one-vs-rest ROC AUC of this class's probability; null without probabilities, or
 *     when every row or no row is of this class
 * @param prAuc one-vs-rest PR AUC (average precision) of this class's probability; null without
 *     probabilities, or when no row is of this class
 */
public record ClassMetrics(double precision, double recall, double f1, long support, Double rocAuc, Double prAuc)
    implements Serializable {}
