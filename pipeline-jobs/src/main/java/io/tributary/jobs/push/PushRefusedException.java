package io.tributary.jobs.push;

/** A push that must not happen (the model is not blessed); nothing was written. Exit code 1. */
public final class PushRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PushRefusedException(String reason) {
    super(reason);
  }
}
