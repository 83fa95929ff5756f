/**
 * {@code tributary push}: the Pusher. A model whose blessing folder holds {@code BLESSED} (and,
 * when given, whose infra blessing holds {@code INFRA_BLESSED}: {@link
 * io.tributary.jobs.push.Blessings}) is published to a serving directory as a new numbered
 * version, atomically and never over an existing version ({@link
 * io.tributary.jobs.push.ServingDirectory}), with a {@code push.json} record ({@link
 * io.tributary.jobs.push.PushRecord}). Layout: {@code pipeline-jobs/docs/deploy.md}.
 */
package io.tributary.jobs.push;
