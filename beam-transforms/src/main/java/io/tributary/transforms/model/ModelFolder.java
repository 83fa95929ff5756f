package io.tributary.transforms.model;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tributary.transforms.artifacts.ArtifactFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.beam.sdk.util.MimeTypes;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * A saved model on disk: Tribuo's protobuf model ({@value #MODEL_FILE}) and its descriptor
 * ({@value #DESCRIPTOR_FILE}), in any folder Beam's {@code FileSystems} can reach.
 *
 * <pre>{@code
 * ModelFolder.write(saved, "/runs/7/Trainer/model/12");
 * SavedModel again = ModelFolder.read("/runs/7/Trainer/model/12");
 * Prediction<?> p = again.model().predict(example);
 * }</pre>
 *
 * <p>Loading parses the protobuf ({@link Model#deserialize(ModelProto)}); Java deserialisation is
 * never used. Every load checks, in this order, and fails with a {@link ModelFormatException} that
 * names the file: the descriptor reads and its {@code formatVersion} is known; the model file's
 * SHA-256 equals {@code modelSha256} (a damaged or swapped file); the bytes parse as a Tribuo
 * model; the model's output type is the descriptor's task.
 */
public final class ModelFolder {

  /** Tribuo's protobuf model, written with {@link Model#serialize()}. */
  public static final String MODEL_FILE = "model.pb";

  /** The descriptor, {@link ModelDescriptor} as JSON. */
  public static final String DESCRIPTOR_FILE = "model.json";

  private ModelFolder() {}

  /** The protobuf bytes {@link #write} stores for {@code model}: what {@code modelSha256} is computed on. */
  public static byte[] modelBytes(Model<?> model) {
    return model.serialize().toByteArray();
  }

  /** The lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Writes both files into {@code directory}; fails if the descriptor's SHA-256 is not this model's. */
  public static void write(SavedModel saved, String directory) {
    byte[] bytes = modelBytes(saved.model());
    if (!sha256(bytes).equals(saved.descriptor().modelSha256())) {
      throw new IllegalArgumentException(
          "the descriptor's modelSha256 is not the SHA-256 of this model: build it with ModelFolder.sha256(modelBytes(model))");
    }
    writeBytes(file(directory, MODEL_FILE), bytes, MimeTypes.BINARY);
    writeBytes(file(directory, DESCRIPTOR_FILE), saved.descriptor().toJson().getBytes(StandardCharsets.UTF_8), MimeTypes.TEXT);
  }

  /** Reads only {@value #DESCRIPTOR_FILE}: cheap, for checks at pipeline construction. */
  public static ModelDescriptor readDescriptor(String directory) {
    String file = file(directory, DESCRIPTOR_FILE);
    String json = new String(readBytes(directory, file), StandardCharsets.UTF_8);
    try {
      return ModelDescriptor.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + " is not a readable model descriptor: " + e.getMessage(), e);
    }
  }

  /** Reads and checks the model and its descriptor. */
  public static SavedModel read(String directory) {
    ModelDescriptor descriptor = readDescriptor(directory);
    String file = file(directory, MODEL_FILE);
    byte[] bytes = readBytes(directory, file);
    if (!sha256(bytes).equals(descriptor.modelSha256())) {
      throw new ModelFormatException(
          file + " does not match the modelSha256 in " + DESCRIPTOR_FILE + " (" + bytes.length
              + " bytes): the file is damaged or was replaced; copy the model folder again or re-train");
    }
    Model<?> model;
    try {
      model = Model.deserialize(ModelProto.parseFrom(bytes));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new ModelFormatException(
          file + " is not a Tribuo protobuf model (" + e.getMessage() + "): copy the model folder again or re-train", e);
    }
    boolean matches = descriptor.task() == Task.CLASSIFICATION ? model.validate(Label.class) : model.validate(Regressor.class);
    if (!matches) {
      throw new ModelFormatException(
          file + " is not a " + descriptor.task().id() + " model as " + DESCRIPTOR_FILE + " says: the folder mixes two models");
    }
    return new SavedModel(descriptor, model);
  }

  private static String file(String directory, String name) {
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("name the model folder (the Trainer's model output)");
    }
    return ArtifactFiles.resolve(directory, name);
  }

  private static void writeBytes(String file, byte[] bytes, String mimeType) {
    try {
      ArtifactFiles.writeBytes(file, bytes, mimeType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static byte[] readBytes(String directory, String file) {
    try {
      return ArtifactFiles.readBytes(file);
    } catch (FileNotFoundException e) {
      throw new ModelFormatException(file + " is missing: is " + directory + " a model folder?", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
