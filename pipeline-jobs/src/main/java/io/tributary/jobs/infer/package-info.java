/** {@code tributary infer}: BulkInferrer as a job over every split of an examples folder. */
package io.tributary.jobs.infer;
