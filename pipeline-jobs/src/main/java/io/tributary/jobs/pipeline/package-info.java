/**
 * Pipeline definitions: components, their parameters and the edges between them, from a YAML file
 * or built in Java, checked as a whole (types, inputs, cycles, parameters) before anything runs.
 */
package io.tributary.jobs.pipeline;
