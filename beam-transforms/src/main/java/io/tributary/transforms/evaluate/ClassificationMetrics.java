package io.tributary.transforms.evaluate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics of one evaluation. With no labelled rows every ratio is 0.
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param accuracy right predictions / examples
 * @param macroPrecision unweighted mean of the per-class precisions
 * @param macroRecall unweighted mean of the per-class recalls
 * @param macroF1 unweighted mean of the per-class F1 scores
 * @param logLoss mean of -ln(probability of the true class), the probability floored at 1e-15;
 *     null when the rows carry no probabilities
 * @param classes every class seen as a label or a prediction, sorted
 * @param perClass metrics by class
 * @param confusion label to predicted class to count (only non-zero cells)
 */
public record ClassificationMetrics(
    long examples,
    long unlabelled,
    double accuracy,
    double macroPrecision,
    double macroRecall,
    double macroF1,
    Double logLoss,
    List<String> classes,
    Map<String, ClassMetrics> perClass,
    Map<String, Map<String, Long>> confusion)
    implements Serializable {}
