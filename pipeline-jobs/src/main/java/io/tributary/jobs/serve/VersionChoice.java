package io.tributary.jobs.serve;

/**
 * Which loaded version answers a predict request: the newest loaded one when the path names no
 * version, else exactly the named one if it is loaded. Every other case is an error that says
 * why: 404 for a version that does not exist, failed or is not kept loaded, 503 while the
 * version (or, without one, the model's first version) is still loading.
 */
final class VersionChoice {

  private VersionChoice() {}

  static LoadedVersion pick(ServingTable.Model model, String versionText, int keepVersions) {
    if (versionText == null) {
      return model.latest().orElseThrow(() -> new ApiException(503,
          "model '" + model.name() + "' has no version to serve yet (" + StatusJson.summary(model)
              + "): retry once GET /v1/models/" + model.name() + " shows one AVAILABLE"));
    }
    long version = parse(versionText);
    LoadedVersion loaded = model.loaded().get(version);
    if (loaded != null) {
      return loaded;
    }
    VersionStatus status = model.status(version).orElseThrow(() -> new ApiException(404,
        "model '" + model.name() + "' has no version " + version + " (" + StatusJson.summary(model) + ")"));
    switch (status.state()) {
      case LOADING:
        throw new ApiException(503, "version " + version + " of '" + model.name() + "' is loading: retry shortly");
      case FAILED:
        throw new ApiException(404, "version " + version + " of '" + model.name()
            + "' failed to load and is never served: " + status.error());
      default:
        throw new ApiException(404, "version " + version + " of '" + model.name() + "' is not loaded: the server keeps"
            + " the newest " + keepVersions + " version(s) loaded (start it with a larger --keepVersions to address older ones)");
    }
  }

  /** A version number from a path, or 400. */
  static long parse(String text) {
    try {
      long version = Long.parseLong(text);
      if (version > 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as a non-positive number.
    }
    throw new ApiException(400, "version '" + text + "' is not a positive integer");
  }
}
