/**
 * {@code tributary init}: a starter pipeline for a new dataset. {@link
 * io.tributary.jobs.init.ColumnSample} profiles each column of a sample read with ExampleGen's own
 * schema inference, {@link io.tributary.jobs.init.ColumnRules} decides what the transform does
 * with it, {@link io.tributary.jobs.init.StarterFiles} writes pipeline.yaml, the transform spec and
 * the trainer, tuner and evaluation configs, and {@link io.tributary.jobs.init.InitJob} checks them
 * with the readers {@code tributary run} uses before publishing the folder.
 */
package io.tributary.jobs.init;
