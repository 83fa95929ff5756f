package io.tributary.jobs.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Blessing and infra blessing folders written by hand, as the Evaluator and InfraValidator write them. */
final class Blessed {

  private Blessed() {}

  static Path model(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("BLESSED"), "accuracy 0.97 >= 0.9\n");
    Files.writeString(folder.resolve("blessing.json"),
        "{\"formatVersion\":1,\"blessed\":true,\"reasons\":[],\"baseline\":null}\n");
    return folder;
  }

  static Path notModel(Path folder, String... reasons) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("NOT_BLESSED"), String.join("\n", reasons) + "\n");
    Files.writeString(folder.resolve("blessing.json"),
        "{\"formatVersion\":1,\"blessed\":false,\"reasons\":[],\"baseline\":null}\n");
    return folder;
  }

  static Path infra(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("INFRA_BLESSED"), "loaded in 300 ms\n");
    return folder;
  }

  static Path notInfra(Path folder, String reason) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("INFRA_NOT_BLESSED"), reason + "\n");
    return folder;
  }
}
