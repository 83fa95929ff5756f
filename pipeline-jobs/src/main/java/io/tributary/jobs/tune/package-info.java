/**
 * {@code tributary tune}: the Tuner. Grid or random search over declared hyper-parameter ranges
 * ({@link io.tributary.jobs.tune.TuneConfig}), trials trained and scored in parallel in this JVM
 * ({@link io.tributary.jobs.tune.TrialRunner}), every trial recorded in {@code trials.json}
 * ({@link io.tributary.jobs.tune.Trials}) and the winner in {@code best_hyperparameters.json}
 * ({@link io.tributary.jobs.tune.BestHyperParameters}), which {@code tributary train
 * --hyperparameters} takes. Format and examples: {@code pipeline-jobs/docs/deploy.md}.
 */
package io.tributary.jobs.tune;
