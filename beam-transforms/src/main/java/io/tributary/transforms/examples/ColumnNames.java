package io.tributary.transforms.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The user's own column names and the field names the examples store them under. ExampleGen turns
 * a header such as {@code Culmen Length (mm)} into the Avro-safe field {@code Culmen_Length__mm_};
 * this is the map between the two, so that every place a person names a column (the transform
 * spec, the trainer and evaluation configs, serving requests) accepts either name, and every
 * message and report can show the name the person knows.
 *
 * <pre>{@code
 * ColumnNames names = ExamplesIO.readColumnNames("runs/ExampleGen/examples/1/Split-train");
 * names.field("Culmen Length (mm)");        // "Culmen_Length__mm_"
 * names.field("Culmen_Length__mm_");        // "Culmen_Length__mm_" (the field name works too)
 * names.original("Culmen_Length__mm_");     // "Culmen Length (mm)"
 * names.require("Culmen Lenght", "the label");   // throws, listing the columns by their own names
 * }</pre>
 *
 * <p>On disk the map travels in {@code schema.avsc}: a field whose column had another name carries
 * it as the field property {@value #AVRO_PROPERTY} ({@code "column": "Culmen Length (mm)"}), so any
 * reader of the examples has it (see {@link ExamplesIO#readColumnNames}). Columns whose name was
 * already a field name map to themselves. Instances are immutable.
 */
public final class ColumnNames implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The Avro field property holding the column's original name. */
  public static final String AVRO_PROPERTY = "column";

  /** Field name to original name, in field order. */
  private final LinkedHashMap<String, String> originalByField;

  private final HashMap<String, String> fieldByOriginal;

  private ColumnNames(LinkedHashMap<String, String> originalByField) {
    this.originalByField = originalByField;
    this.fieldByOriginal = new HashMap<>();
    originalByField.forEach(
        (field, original) -> {
          if (fieldByOriginal.put(original, field) != null) {
            throw new IllegalArgumentException(
                "two fields claim the column name '" + original + "': each column has one field");
          }
        });
  }

  /** The map from each column's original name to its field name, in column order. */
  public static ColumnNames of(Map<String, String> fieldByOriginal) {
    LinkedHashMap<String, String> originals = new LinkedHashMap<>();
    fieldByOriginal.forEach(
        (original, field) -> {
          String earlier = originals.putIfAbsent(field, original);
          if (earlier != null) {
            throw new IllegalArgumentException(
                "columns '" + earlier + "' and '" + original + "' both map to field '" + field
                    + "': give each column its own field");
          }
        });
    return new ColumnNames(originals);
  }

  /** Every field of {@code schema} under its own name: nothing was renamed. */
  public static ColumnNames of(Schema schema) {
    LinkedHashMap<String, String> same = new LinkedHashMap<>();
    schema.getFieldNames().forEach(name -> same.put(name, name));
    return new ColumnNames(same);
  }

  /** The names recorded in an examples' Avro schema: {@value #AVRO_PROPERTY} where present. */
  public static ColumnNames of(org.apache.avro.Schema avro) {
    LinkedHashMap<String, String> originals = new LinkedHashMap<>();
    for (org.apache.avro.Schema.Field field : avro.getFields()) {
      String original = field.getProp(AVRO_PROPERTY);
      originals.put(field.name(), original == null ? field.name() : original);
    }
    return new ColumnNames(originals);
  }

  /** The field names, in order. */
  public List<String> fields() {
    return List.copyOf(originalByField.keySet());
  }

  /** The name the user knows for {@code field}: its original column name, else the field name itself. */
  public String original(String field) {
    return originalByField.getOrDefault(field, field);
  }

  /**
   * The field a user's column name refers to: the column's original name or its field name (an
   * original name wins when a name is both), or null when it names no column.
   */
  public String field(String column) {
    if (column == null) {
      return null;
    }
    String field = fieldByOriginal.get(column);
    if (field != null) {
      return field;
    }
    return originalByField.containsKey(column) ? column : null;
  }

  /**
   * Like {@link #field}, but fails with a message naming {@code who} and listing the columns by the
   * names the user knows.
   *
   * @param who what names the column, e.g. {@code "the label"} or {@code "slice [island]"}
   */
  public String require(String column, String who) {
    String field = field(column);
    if (field == null) {
      throw new IllegalArgumentException(
          who + " names column '" + column + "', which is not in the examples; columns are " + originals());
    }
    return field;
  }

  /** {@link #require} for each name, in order. */
  public List<String> requireAll(Collection<String> columns, String who) {
    List<String> fields = new ArrayList<>();
    columns.forEach(column -> fields.add(require(column, who)));
    return fields;
  }

  /** The original names, in field order. */
  public List<String> originals() {
    return List.copyOf(originalByField.values());
  }

  /** Original name to field name of the columns whose field name differs, in column order. */
  public Map<String, String> renamed() {
    Map<String, String> renamed = new LinkedHashMap<>();
    originalByField.forEach(
        (field, original) -> {
          if (!field.equals(original)) {
            renamed.put(original, field);
          }
        });
    return renamed;
  }

  /**
   * {@code field} as a person should read it in a message: {@code 'Culmen Length (mm)' (field
   * Culmen_Length__mm_)} when it was renamed, else {@code 'island'}.
   */
  public String describe(String field) {
    String original = original(field);
    return original.equals(field) ? "'" + field + "'" : "'" + original + "' (field " + field + ")";
  }

  /** Only the given fields (those present), e.g. the columns a transform reads. */
  public ColumnNames restrictTo(Collection<String> fields) {
    Set<String> wanted = Set.copyOf(fields);
    LinkedHashMap<String, String> kept = new LinkedHashMap<>();
    originalByField.forEach(
        (field, original) -> {
          if (wanted.contains(field)) {
            kept.put(field, original);
          }
        });
    return new ColumnNames(kept);
  }

  /**
   * {@code avro} with each renamed field's original name as the property {@value #AVRO_PROPERTY};
   * fields this map does not rename are copied as they are.
   */
  public org.apache.avro.Schema annotate(org.apache.avro.Schema avro) {
    if (renamed().isEmpty()) {
      return avro;
    }
    List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
    for (org.apache.avro.Schema.Field field : avro.getFields()) {
      org.apache.avro.Schema.Field copy = new org.apache.avro.Schema.Field(field, field.schema());
      String original = originalByField.get(field.name());
      if (original != null && !original.equals(field.name()) && copy.getProp(AVRO_PROPERTY) == null) {
        copy.addProp(AVRO_PROPERTY, original);
      }
      fields.add(copy);
    }
    org.apache.avro.Schema annotated =
        org.apache.avro.Schema.createRecord(avro.getName(), avro.getDoc(), avro.getNamespace(), avro.isError(), fields);
    avro.getObjectProps().forEach(annotated::addProp);
    return annotated;
  }

  @Override
  public boolean equals(Object other) {
    // Field order counts: it is the examples' column order.
    return other instanceof ColumnNames names && originalByField.equals(names.originalByField)
        && fields().equals(names.fields());
  }

  @Override
  public int hashCode() {
    return originalByField.hashCode();
  }

  @Override
  public String toString() {
    return "ColumnNames" + renamed();
  }
}
