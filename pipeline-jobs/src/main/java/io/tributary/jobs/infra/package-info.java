/**
 * {@code tributary infra-validate}: the InfraValidator. The model is loaded in a fresh JVM, as a
 * model server would load it ({@link io.tributary.jobs.infra.CanaryMain}), a canary batch of real
 * examples goes through the single-record serving path, and the measured latency and heap are
 * checked against limits ({@link io.tributary.jobs.infra.CanarySettings}). The verdict is an
 * infra blessing folder ({@link io.tributary.jobs.infra.InfraBlessing}): {@code INFRA_BLESSED} or
 * {@code INFRA_NOT_BLESSED}, and {@code infra_blessing.json}.
 */
package io.tributary.jobs.infra;
