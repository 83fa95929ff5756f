/**
 * Job options: Beam {@code PipelineOptions} interfaces per job, runner profiles, parsing with
 * one-line errors, the help text generated from the options' own descriptions, and the checks
 * of the files and folders a job is given ({@link io.tributary.jobs.options.InputPaths}).
 */
package io.tributary.jobs.options;
