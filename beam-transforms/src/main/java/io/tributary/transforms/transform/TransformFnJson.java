package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code transform_fn.json}: reading and writing. The layout is documented in {@code
 * beam-transforms/docs/transform-format.md} and pinned by a golden-file test.
 */
final class TransformFnJson {

  /** The file's top-level object. */
  @JsonPropertyOrder({"formatVersion", "numExamples", "inputSchema", "spec", "fitted"})
  record Document(
      Integer formatVersion,
      long numExamples,
      List<InputColumns.Column> inputSchema,
      TransformSpec spec,
      Map<String, List<Constants>> fitted) {}

  private TransformFnJson() {}

  static String write(TransformFn fn) {
    Document document =
        new Document(
            TransformFn.FORMAT_VERSION,
            fn.numExamples(),
            InputColumns.toColumns(fn.inputSchema(), fn.columnNames()),
            fn.spec(),
            fn.fitted());
    return SpecMappers.write(SpecMappers.JSON, document) + "\n";
  }

  static TransformFn read(String json) {
    Document document = SpecMappers.read(SpecMappers.JSON, json, Document.class, "transform_fn.json");
    if (document.formatVersion() == null) {
      throw new IllegalArgumentException("transform_fn.json has no formatVersion: it is not a fitted transform");
    }
    if (document.formatVersion() < 1 || document.formatVersion() > TransformFn.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "transform_fn.json has formatVersion " + document.formatVersion() + "; this Tributary reads 1 to "
              + TransformFn.FORMAT_VERSION + ": upgrade Tributary to read it");
    }
    if (document.spec() == null || document.inputSchema() == null || document.fitted() == null) {
      throw new IllegalArgumentException("transform_fn.json lacks spec, inputSchema or fitted");
    }
    return new TransformFn(
        document.spec(), InputColumns.toSchema(document.inputSchema()), document.numExamples(), document.fitted(),
        InputColumns.toColumnNames(document.inputSchema()));
  }
}
