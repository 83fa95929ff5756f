package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.Row;

/**
 * Every analyzer of a spec in one {@link CombineFn}: the composite accumulator holds one slot per
 * fitted step (plus the row count), so a single scan fits the whole spec and partial accumulators
 * merge across workers. The accumulator coder writes the row count, then each slot with its
 * analyzer's own coder, in spec order.
 *
 * <p>An analyzer sees the value its step receives, computed by the stateless steps before it;
 * impute steps are skipped, so statistics are over observed values, and missing values are not
 * added (see {@link Step}).
 */
final class FitFn extends CombineFn<Row, FitFn.Accumulators, TransformFn> {

  private final TransformSpec spec;
  private final Schema input;
  private transient List<Slot> slots;
  private transient TransformSpec.Plan plan;

  FitFn(TransformSpec spec, Schema input) {
    this.spec = spec;
    this.input = input;
  }

  /** The rows seen and one analyzer accumulator per slot. */
  static final class Accumulators {
    long rows;
    final Object[] slots;

    Accumulators(long rows, Object[] slots) {
      this.rows = rows;
      this.slots = slots;
    }
  }

  /** One fitted step: where it is, its analyzer, and the stateless steps that feed it. */
  private record Slot(
      int feature, int step, AnalyzerFn<Object, Object, Object> analyzer, boolean text, List<Mapper> feeders) {

    /** The analyzer's input from a row, or null when missing. */
    Object valueOf(FeaturePlan plan, Row row) {
      Object value = plan.readInput(row::getValue);
      for (Mapper feeder : feeders) {
        if (value == null) {
          return null;
        }
        value = feeder.map(value, event -> {});
      }
      if (value == null) {
        return null;
      }
      return text ? ValueKind.asText(value) : (Object) ValueKind.asNumber(value);
    }
  }

  private TransformSpec.Plan plan() {
    if (plan == null) {
      plan = spec.plan(input);
    }
    return plan;
  }

  @SuppressWarnings("unchecked")
  private List<Slot> slots() {
    if (slots == null) {
      List<Slot> found = new ArrayList<>();
      List<FeaturePlan> features = plan().features();
      for (int f = 0; f < features.size(); f++) {
        FeaturePlan feature = features.get(f);
        List<Step> steps = feature.feature().steps();
        List<Mapper> feeders = new ArrayList<>();
        Constants previous = Constants.NONE;
        for (int s = 0; s < steps.size(); s++) {
          Step step = steps.get(s);
          AnalyzerFn<?, ?, ?> analyzer = step.analyzer(feature.kindIn(s));
          if (analyzer != null) {
            found.add(
                new Slot(
                    f, s, (AnalyzerFn<Object, Object, Object>) analyzer, analyzer instanceof TopValuesFn,
                    List.copyOf(feeders)));
            if (!(step instanceof Impute)) {
              break; // the last fitted step of a feature (FeaturePlan allows no fitted step after it)
            }
          } else if (!(step instanceof Impute)) {
            // Stateless: its constants need no data.
            previous = step.fit(feature.kindIn(s), null, previous);
            feeders.add(step.bind(previous));
          }
        }
      }
      slots = found;
    }
    return slots;
  }

  @Override
  public Accumulators createAccumulator() {
    List<Slot> all = slots();
    Object[] accumulators = new Object[all.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = all.get(i).analyzer().createAccumulator();
    }
    return new Accumulators(0, accumulators);
  }

  @Override
  public Accumulators addInput(Accumulators acc, Row row) {
    List<Slot> all = slots();
    List<FeaturePlan> features = plan().features();
    for (int i = 0; i < all.size(); i++) {
      Slot slot = all.get(i);
      Object value = slot.valueOf(features.get(slot.feature()), row);
      if (value != null) {
        acc.slots[i] = slot.analyzer().addInput(acc.slots[i], value);
      }
    }
    acc.rows++;
    return acc;
  }

  @Override
  public Accumulators mergeAccumulators(Iterable<Accumulators> accumulators) {
    List<Slot> all = slots();
    long rows = 0;
    List<List<Object>> bySlot = new ArrayList<>();
    all.forEach(slot -> bySlot.add(new ArrayList<>()));
    for (Accumulators acc : accumulators) {
      rows += acc.rows;
      for (int i = 0; i < all.size(); i++) {
        bySlot.get(i).add(acc.slots[i]);
      }
    }
    Object[] merged = new Object[all.size()];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = all.get(i).analyzer().mergeAccumulators(bySlot.get(i));
    }
    return new Accumulators(rows, merged);
  }

  @Override
  public TransformFn extractOutput(Accumulators acc) {
    List<Slot> all = slots();
    Map<String, Object> results = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      results.put(all.get(i).feature() + "/" + all.get(i).step(), all.get(i).analyzer().extractOutput(acc.slots[i]));
    }
    Map<String, List<Constants>> fitted = new LinkedHashMap<>();
    List<FeaturePlan> features = plan().features();
    for (int f = 0; f < features.size(); f++) {
      FeaturePlan feature = features.get(f);
      List<Constants> constants = new ArrayList<>();
      Constants previous = Constants.NONE;
      List<Step> steps = feature.feature().steps();
      for (int s = 0; s < steps.size(); s++) {
        previous = steps.get(s).fit(feature.kindIn(s), results.get(f + "/" + s), previous);
        constants.add(previous);
      }
      fitted.put(feature.feature().name(), constants);
    }
    return new TransformFn(spec, spec.readColumns(input), acc.rows, fitted);
  }

  @Override
  public Coder<Accumulators> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    List<Coder<Object>> coders = new ArrayList<>();
    slots().forEach(slot -> coders.add(slot.analyzer().accumulatorCoder()));
    return new AccumulatorsCoder(coders);
  }

  @Override
  public Coder<TransformFn> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    return TransformFnCoder.of();
  }

  /** Row count as a varint, then each slot with its analyzer's coder. */
  private static final class AccumulatorsCoder extends CustomCoder<Accumulators> {
    private final List<Coder<Object>> slotCoders;

    AccumulatorsCoder(List<Coder<Object>> slotCoders) {
      this.slotCoders = slotCoders;
    }

    @Override
    public void encode(Accumulators acc, OutputStream out) throws IOException {
      VarLongCoder.of().encode(acc.rows, out);
      for (int i = 0; i < slotCoders.size(); i++) {
        slotCoders.get(i).encode(acc.slots[i], out);
      }
    }

    @Override
    public Accumulators decode(InputStream in) throws IOException {
      long rows = VarLongCoder.of().decode(in);
      Object[] slots = new Object[slotCoders.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = slotCoders.get(i).decode(in);
      }
      return new Accumulators(rows, slots);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      for (Coder<Object> coder : slotCoders) {
        coder.verifyDeterministic();
      }
    }
  }
}
