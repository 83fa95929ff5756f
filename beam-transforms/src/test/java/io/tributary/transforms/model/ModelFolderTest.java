package io.tributary.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading model folders, and every way a folder can be damaged. */
class ModelFolderTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();
  private static SavedModel trained;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    trained =
        Trainer.of(TrainerConfig.builder("species").build())
            .train(PENGUINS.transformFn(), PENGUINS.transformDir().toString(), PENGUINS.transformedTrain());
  }

  @Test
  void aSavedModelLoadsWithTheSameDescriptorAndPredictions() throws IOException {
    ModelFolder.write(trained, dir.toString());

    assertEquals(List.of("model.json", "model.pb"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    SavedModel loaded = ModelFolder.read(dir.toString());
    assertEquals(trained.descriptor(), loaded.descriptor());
    assertEquals(trained.descriptor(), ModelFolder.readDescriptor(dir.toString()));
    Predictor before = Predictor.of(PENGUINS.transformFn(), trained);
    Predictor after = Predictor.load(dir.toString());
    for (var row : PENGUINS.eval()) {
      assertEquals(before.predict(row), after.predict(row));
    }
  }

  @Test
  void aDamagedModelFileIsReportedWithTheFix() throws IOException {
    ModelFolder.write(trained, dir.toString());
    Path model = dir.resolve(ModelFolder.MODEL_FILE);
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(model, bytes);

    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(e.getMessage().contains("model.pb does not match the modelSha256 in model.json"), e.getMessage());
    assertTrue(e.getMessage().contains("copy the model folder again or re-train"), e.getMessage());
  }

  @Test
  void bytesThatAreNotTribuoProtobufAreRefusedEvenWithAMatchingChecksum() throws IOException {
    byte[] garbage = "this is not a model".getBytes(StandardCharsets.UTF_8);
    writeWithChecksum(garbage);

    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(e.getMessage().contains("is not a Tribuo protobuf model"), e.getMessage());
  }

  @Test
  void aJavaSerialisedModelIsNeverLoaded() throws IOException {
    ByteArrayOutputStream javaSerialised = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(javaSerialised)) {
      out.writeObject(trained.model());
    }
    writeWithChecksum(javaSerialised.toByteArray());

    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(e.getMessage().contains("is not a Tribuo protobuf model"), e.getMessage());
  }

  @Test
  void aMissingOrUnreadableDescriptorNamesTheFolder() throws IOException {
    ModelFormatException missing = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(missing.getMessage().contains("model.json is missing: is"), missing.getMessage());

    ModelFolder.write(trained, dir.toString());
    Path json = dir.resolve(ModelFolder.DESCRIPTOR_FILE);
    String text = Files.readString(json);
    Files.writeString(json, text.substring(0, text.length() / 2));
    ModelFormatException truncated = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(truncated.getMessage().contains("is not a readable model descriptor"), truncated.getMessage());

    Files.writeString(
        json, text.replace("\"formatVersion\" : 1", "\"formatVersion\" : " + (ModelDescriptor.FORMAT_VERSION + 1)));
    ModelFormatException newer = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(newer.getMessage().contains("upgrade Tributary to read it"), newer.getMessage());
  }

  @Test
  void aDescriptorOfAnotherTaskIsRefused() {
    ModelDescriptor d = trained.descriptor();
    ModelDescriptor regression =
        new ModelDescriptor(d.formatVersion(), Task.REGRESSION, d.label(), d.features(), d.transform(), d.algorithm(),
            d.hyperParameters(), d.seed(), d.modelSha256(), d.provenance());
    ModelFolder.write(new SavedModel(regression, trained.model()), dir.toString());

    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFolder.read(dir.toString()));
    assertTrue(e.getMessage().contains("is not a regression model as model.json says"), e.getMessage());
  }

  @Test
  void aDescriptorOfAnotherModelIsNotWritten() {
    ModelDescriptor d = trained.descriptor();
    ModelDescriptor other =
        new ModelDescriptor(d.formatVersion(), d.task(), d.label(), d.features(), d.transform(), d.algorithm(),
            d.hyperParameters(), d.seed(), "0".repeat(64), d.provenance());
    assertThrows(IllegalArgumentException.class, () -> ModelFolder.write(new SavedModel(other, trained.model()), dir.toString()));
  }

  @Test
  void aModelOfAnotherTransformIsRefusedByThePredictor() {
    ModelDescriptor d = trained.descriptor();
    ModelDescriptor other =
        new ModelDescriptor(d.formatVersion(), d.task(), d.label(), d.features(), new TransformReference("/elsewhere", "1".repeat(64)),
            d.algorithm(), d.hyperParameters(), d.seed(), d.modelSha256(), d.provenance());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Predictor.of(PENGUINS.transformFn(), new SavedModel(other, trained.model())));
    assertTrue(e.getMessage().contains("pass the transform the model was trained with"), e.getMessage());
  }

  /** Writes {@code bytes} as the model file, with a descriptor whose checksum matches them. */
  private void writeWithChecksum(byte[] bytes) throws IOException {
    ModelDescriptor d = trained.descriptor();
    ModelDescriptor matching =
        new ModelDescriptor(d.formatVersion(), d.task(), d.label(), d.features(), d.transform(), d.algorithm(),
            d.hyperParameters(), d.seed(), ModelFolder.sha256(bytes), d.provenance());
    Files.write(dir.resolve(ModelFolder.MODEL_FILE), bytes);
    Files.writeString(dir.resolve(ModelFolder.DESCRIPTOR_FILE), matching.toJson());
  }
}
