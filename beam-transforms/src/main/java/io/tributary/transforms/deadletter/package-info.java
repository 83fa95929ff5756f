/**
 * Dead letters: input that a transform could not turn into a record, kept as data (source, line,
 * raw text, reason) so that nothing is ever dropped silently and a user can find and fix the row.
 */
package io.tributary.transforms.deadletter;
