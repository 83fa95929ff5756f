package io.tributary.jobs.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Receives a request body without holding a thread while bytes are awaited: it reads what has
 * arrived and asks Jetty to call back when more does, so clients that trickle their bodies cost a
 * connection each, not one of the server's threads. The body must arrive whole within the body
 * timeout (else 408) and stay within the size limit (413, refused from {@code Content-Length}
 * before reading when it says so); either way the outcome is delivered exactly once.
 */
final class BodyReception implements Runnable {

  /** What to do with the whole body, or with why it could not be received (then body is null). */
  interface Outcome {
    void accept(byte[] body, ApiException failure);
  }

  private final Request request;
  private final int limit;
  private final Duration timeout;
  private final Outcome outcome;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile Scheduler.Task timer;

  private BodyReception(Request request, int limit, Duration timeout, Outcome outcome) {
    this.request = request;
    this.limit = limit;
    this.timeout = timeout;
    this.outcome = outcome;
  }

  /** Starts receiving; {@code outcome} runs on whichever thread completes the body or the timeout. */
  static void start(Request request, int limit, Duration timeout, Outcome outcome) {
    BodyReception reception = new BodyReception(request, limit, timeout, outcome);
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > limit) {
      reception.finish(null, reception.tooLarge(declared + " bytes"));
      return;
    }
    reception.timer = request.getComponents().getScheduler().schedule(
        () -> reception.finish(null, new ApiException(408, "the request body did not arrive within "
            + timeout.toMillis() / 1000.0 + " s (the server's --bodyTimeoutSeconds): send it at once")),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
    reception.run();
  }

  /** Reads every chunk that has arrived, then waits (without a thread) for the next. */
  @Override
  public void run() {
    while (!finished.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          finish(null, unreadable(chunk.getFailure()));
          return;
        }
        ByteBuffer buffer = chunk.getByteBuffer();
        if (bytes.size() + buffer.remaining() > limit) {
          finish(null, tooLarge("more than " + limit + " bytes"));
          return;
        }
        byte[] part = new byte[buffer.remaining()];
        buffer.get(part);
        bytes.write(part, 0, part.length);
        if (chunk.isLast()) {
          finish(bytes.toByteArray(), null);
          return;
        }
      } finally {
        chunk.release();
      }
    }
  }

  private void finish(byte[] body, ApiException failure) {
    if (finished.compareAndSet(false, true)) {
      Scheduler.Task pending = timer;
      if (pending != null) {
        pending.cancel();
      }
      outcome.accept(body, failure);
    }
  }

  private ApiException unreadable(Throwable failure) {
    // Only the client's side can break a body half way (a short body, a dropped or idle connection).
    return failure instanceof TimeoutException
        ? new ApiException(408, "the request body stopped arriving (the server's --idleTimeoutSeconds): send it at once")
        : new ApiException(400, "the request body could not be read: " + failure.getMessage());
  }

  private ApiException tooLarge(String size) {
    return new ApiException(413, "the body has " + size + ", over the limit of " + limit
        + " bytes (the server's --maxBodyBytes): send fewer instances per request");
  }
}
