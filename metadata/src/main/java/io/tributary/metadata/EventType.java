package io.tributary.metadata;

/** Direction of an {@link Event}: the execution read ({@code INPUT}) or wrote ({@code OUTPUT}). */
public enum EventType {
  INPUT,
  OUTPUT
}
