/**
 * Tributary's Beam library: composite {@link org.apache.beam.sdk.transforms.PTransform}s that know
 * nothing of the CLI, the driver or the metadata store, so they drop into anyone's pipeline.
 */
package io.tributary.transforms;
