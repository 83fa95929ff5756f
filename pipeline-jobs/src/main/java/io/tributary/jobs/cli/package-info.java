/** The {@code tributary} command line: one subcommand per job, dispatched by picocli. */
package io.tributary.jobs.cli;
