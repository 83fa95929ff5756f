package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Reads one file of one format into rows of a schema. A record that does not fit the schema is a
 * dead letter; an {@link IOException} means the rest of the file could not be read.
 */
interface FileParser extends Serializable {

  void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException;
}
