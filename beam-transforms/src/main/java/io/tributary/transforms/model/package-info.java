/**
 * The saved model format: a folder with Tribuo's protobuf model ({@value
 * io.tributary.transforms.model.ModelFolder#MODEL_FILE}) and a small descriptor ({@value
 * io.tributary.transforms.model.ModelFolder#DESCRIPTOR_FILE}), and the one scoring path shared by
 * serving calls and {@code BulkInferrer}.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.model.ModelFolder}: writes and reads a model folder; never
 *       with Java serialisation; a damaged file is a {@link
 *       io.tributary.transforms.model.ModelFormatException} naming the file and the fix.
 *   <li>{@link io.tributary.transforms.model.ModelDescriptor}: {@code model.json} — task, label,
 *       features, the transform it expects, algorithm, hyper-parameters, seed, provenance, and
 *       class weights and decision threshold when trained with them.
 *   <li>{@link io.tributary.transforms.model.FeatureVector}: transformed columns to a Tribuo
 *       example, the same way at training and at scoring time.
 *   <li>{@link io.tributary.transforms.model.ModelScorer}: transformed record in, {@link
 *       io.tributary.transforms.model.Score} out; the one place a model's scores become a label
 *       (a binary model's decision threshold applies here).
 *   <li>{@link io.tributary.transforms.model.Predictor}: raw record in, {@link
 *       io.tributary.transforms.model.Score} out, through the fitted transform and the model.
 * </ul>
 *
 * <p>The format is described in {@code beam-transforms/docs/model-format.md}.
 */
package io.tributary.transforms.model;
