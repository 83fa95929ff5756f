/** What every job does around its pipeline: report progress, run it to completion, time it. */
package io.tributary.jobs.execution;
