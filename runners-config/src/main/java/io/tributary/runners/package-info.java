/**
 * Runner profiles: named sets of Beam pipeline options kept as resources under
 * {@code io/tributary/runners/profiles/<name>.properties}, one option per key.
 */
package io.tributary.runners;
