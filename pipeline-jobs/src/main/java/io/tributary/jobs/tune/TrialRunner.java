package io.tributary.jobs.tune;

import io.tributary.jobs.execution.Progress;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.train.Evaluation;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.TransformFn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.values.Row;

/**
 * Trains and scores trials on a pool of threads: each trial trains the Trainer on the train rows
 * and evaluates the model on the eval rows ({@link Evaluation}), exactly as {@code tributary
 * train} would. Results are collected in trial order, and every trial is seeded by the config, so
 * the results do not depend on how the threads were scheduled. A trial that throws is recorded
 * with its error; the others go on.
 */
final class TrialRunner {

  private final TuneConfig config;
  private final TransformFn fn;
  private final String transformPath;
  private final List<Row> train;
  private final List<Row> eval;
  private final Progress progress;

  TrialRunner(
      TuneConfig config, TransformFn fn, String transformPath, List<Row> train,
      List<Row> eval, Progress progress) {
    this.config = config;
    this.fn = fn;
    this.transformPath = transformPath;
    this.train = train;
    this.eval = eval;
    this.progress = progress;
  }

  /** Runs every trial on {@code parallelism} threads; the results are in trial order. */
  List<Trial> run(List<Map<String, Number>> searched, int parallelism) throws InterruptedException {
    AtomicInteger finished = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "tune-trial");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Trial>> futures = new ArrayList<>();
      for (int i = 0; i < searched.size(); i++) {
        int number = i;
        futures.add(pool.submit(() -> {
          Trial trial = trial(number, searched.get(number));
          report(trial, searched.get(number), finished.incrementAndGet(), searched.size());
          return trial;
        }));
      }
      List<Trial> trials = new ArrayList<>();
      for (Future<Trial> future : futures) {
        trials.add(future.get());
      }
      return trials;
    } catch (ExecutionException e) {
      // trial() catches what training throws; only an Error (out of memory) gets here.
      throw new IllegalStateException("a trial failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Trial trial(int number, Map<String, Number> searched) {
    long started = System.nanoTime();
    TrainerConfig trialConfig = config.trialConfig(searched);
    Map<String, Number> hyperParameters = new TreeMap<>(config.algorithm().resolve(trialConfig.hyperParameters()));
    if (searched.containsKey(TrainerConfig.DECISION_THRESHOLD)) {
      hyperParameters.put(TrainerConfig.DECISION_THRESHOLD, trialConfig.decisionThreshold());
    }
    try {
      SavedModel model = Trainer.of(trialConfig).train(fn, transformPath, train);
      Evaluation evaluation = Evaluation.of(model, eval);
      double value = evaluation.metric(config.search().metric());
      return new Trial(number, hyperParameters, value, evaluation.metrics(), millisSince(started), null);
    } catch (RuntimeException e) {
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Trial(number, hyperParameters, null, Map.of(), millisSince(started), error);
    }
  }

  /** One line per finished trial, with the searched values (the fixed ones are the same in every trial). */
  private void report(Trial trial, Map<String, Number> searched, int finished, int total) {
    String outcome =
        trial.succeeded()
            ? String.format("%s %.4f", config.search().metric(), trial.value())
            : "failed: " + trial.error();
    progress.say(String.format("trial %d (%d/%d done) %s in %.1f s, %s",
        trial.trial(), finished, total, outcome, trial.durationMs() / 1000.0, searched));
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
