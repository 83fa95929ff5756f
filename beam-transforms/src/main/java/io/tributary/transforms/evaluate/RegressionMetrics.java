package io.tributary.transforms.evaluate;

import java.io.Serializable;

/**
 * Regression metrics of one evaluation. With no labelled rows every value is 0.
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param r2 1 - (squared error) / (squared deviation of the labels from their mean); 0 when the
 *     labels are all equal
 */
public record RegressionMetrics(long examples, long unlabelled, double rmse, double mae, double r2) implements Serializable {}
