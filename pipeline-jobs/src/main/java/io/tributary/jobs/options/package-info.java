/**
 * Job options: Beam {@code PipelineOptions} interfaces per job, runner profiles, parsing with
 * one-line errors, and the help text generated from the options' own descriptions.
 */
package io.tributary.jobs.options;
