package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputRowsTest {

  @TempDir Path dir;

  @Test
  void readsEveryRowOfEveryFileInOrderAndCountsTheDeadLetters() {
    write(dir, "a.csv", "id,name\n1,x\n2,y\n");
    write(dir, "b.csv", "id,name\n3,z\n5,w,extra\n4,v\n");
    InputRows input = InputRows.of(Input.csv(dir + "/*.csv"));
    List<Long> ids = new ArrayList<>();

    long deadLetters = input.forEach(Long.MAX_VALUE, row -> ids.add(row.getInt64("id")));

    assertEquals(List.of(1L, 2L, 3L, 4L), ids);
    assertEquals(1, deadLetters);
  }

  @Test
  void stopsAfterTheRowsAskedFor() {
    write(dir, "a.csv", "id\n1\n2\n3\n");
    InputRows input = InputRows.of(Input.csv(dir + "/a.csv"));
    List<Row> rows = new ArrayList<>();

    input.forEach(2, rows::add);

    assertEquals(2, rows.size());
  }
}
