/**
 * Pipeline components: what each one reads, writes and takes as parameters, and how it runs
 * (most by running their job in the driver's JVM). The driver knows components only through
 * {@link io.tributary.jobs.components.Component}.
 */
package io.tributary.jobs.components;
