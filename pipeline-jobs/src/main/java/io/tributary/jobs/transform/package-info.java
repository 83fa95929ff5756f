/**
 * The Transform job: fits a transform spec on one split of examples and writes the fitted {@code
 * transform_fn.json}, every split transformed, and post-transform statistics.
 */
package io.tributary.jobs.transform;
