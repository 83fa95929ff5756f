package io.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile lines that are not pipeline options. */
class RunnerProfilesTest {

  private static final String KEY = "spark.tributary.profile-test";

  @AfterEach
  void clear() {
    System.clearProperty(KEY);
  }

  @Test
  void sparkConfLinesBecomeSparkSystemPropertiesNotOptions(@TempDir Path dir) throws IOException {
    Path profile = Files.writeString(dir.resolve("p.properties"),
        "runner=SparkRunner\nsparkConf." + KEY + "=${where}/x.jar\n");

    List<String> args = RunnerProfiles.load(profile.toString(), Map.of("where", "/opt"));

    assertEquals(List.of("--runner=SparkRunner"), args);
    assertEquals("/opt/x.jar", System.getProperty(KEY));
  }

  @Test
  void aSystemPropertyTheUserSetWins(@TempDir Path dir) throws IOException {
    System.setProperty(KEY, "mine");
    Path profile = Files.writeString(dir.resolve("p.properties"), "sparkConf." + KEY + "=profile's\n");

    RunnerProfiles.load(profile.toString(), Map.of());

    assertEquals("mine", System.getProperty(KEY));
  }
}
