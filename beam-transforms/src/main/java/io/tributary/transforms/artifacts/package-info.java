/**
 * Artifact files through Beam's {@link org.apache.beam.sdk.io.FileSystems}, so statistics,
 * schemas, anomalies and reports can be written and read on every file system a pipeline can
 * reach ({@code gs://}, {@code hdfs://}, {@code s3://} with the matching Beam module, and local
 * paths): {@link io.tributary.transforms.artifacts.ArtifactFiles} for code outside a pipeline,
 * {@link io.tributary.transforms.artifacts.WriteArtifact} inside one.
 */
package io.tributary.transforms.artifacts;
