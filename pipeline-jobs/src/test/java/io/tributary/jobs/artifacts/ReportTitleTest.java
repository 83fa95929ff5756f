package io.tributary.jobs.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTitleTest {

  @Test
  void aComponentsReportNamesThePipelineTheComponentItsExecutionAndTheSplits() {
    String subject = ReportTitle.execution("penguin", "StatisticsGen", Path.of("/home/u/pipelines/penguin/StatisticsGen/statistics/12"));
    assertEquals("penguin · StatisticsGen · execution 12 — statistics of train, eval",
        ReportTitle.of(subject, "statistics", List.of("train", "eval")));
  }

  @Test
  void aFolderIsNamedByThePipelineLayoutOrByItsLastTwoNames() {
    assertEquals("penguin · ExampleGen examples · execution 11",
        ReportTitle.folder(Path.of("/home/u/.tributary/pipelines/penguin/ExampleGen/examples/11")));
    assertEquals("work/penguin-examples", ReportTitle.folder(Path.of("/tmp/work/penguin-examples")));
    assertEquals("work/2024", ReportTitle.folder(Path.of("/work/2024")), "too shallow for the layout");
    assertEquals("/", ReportTitle.folder(Path.of("/")));
    assertEquals("statistics — anomalies", ReportTitle.of("statistics", "anomalies", List.of()));
  }
}
