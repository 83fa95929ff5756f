package io.tributary.jobs.serve;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adapts Jetty's core handler API to {@link Api}: receives the body ({@link BodyReception}, which
 * holds no thread while bytes are awaited), then hands the API the method, the path and the body,
 * and writes its {@link Reply}. A fault of the server itself is a 500 with a one-line message (and
 * the stack trace in the log), never a dropped connection.
 *
 * <p>At most {@code --maxConcurrentRequests} requests are in progress, those still receiving their
 * body included; one more is answered 503 at once (with {@code Retry-After}) instead of waiting in
 * a queue. The body is always received before answering, also when the answer did not need it (an
 * unknown model, say), so the kept-alive connection stays usable for the client's next request;
 * a body that could not be received whole (over the limit, too slow, broken) closes the
 * connection, and the answer says so ({@code Connection: close}).
 */
final class JettyHandler extends Handler.Abstract {

  private final Api api;
  private final int maxBodyBytes;
  private final Duration bodyTimeout;
  private final int maxConcurrentRequests;
  private final Semaphore inProgress;
  private final PrintStream log;

  JettyHandler(Api api, ServeConfig config, PrintStream log) {
    this.api = api;
    this.maxBodyBytes = config.maxBodyBytes();
    this.bodyTimeout = config.bodyTimeout();
    this.maxConcurrentRequests = config.maxConcurrentRequests();
    this.inProgress = new Semaphore(config.maxConcurrentRequests());
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!inProgress.tryAcquire()) {
      write(response, callback, Reply.error(503, "the server is at its limit of " + maxConcurrentRequests
          + " requests in progress (--maxConcurrentRequests): retry shortly").withHeader("Retry-After", "1"), true);
      return true;
    }
    Callback released = Callback.from(
        () -> {
          inProgress.release();
          callback.succeeded();
        },
        failure -> {
          inProgress.release();
          callback.failed(failure);
        });
    BodyReception.start(request, maxBodyBytes, bodyTimeout, (body, failure) -> answer(request, response, released, body, failure));
    return true;
  }

  private void answer(Request request, Response response, Callback callback, byte[] body, ApiException failure) {
    Reply reply;
    try {
      reply = api.handle(request.getMethod(), request.getHttpURI().getPath(), request.getHeaders().get(RequestId.HEADER), () -> {
        if (failure != null) {
          throw failure;
        }
        return body;
      });
    } catch (RuntimeException e) {
      log.println("serve: internal error on " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e);
      e.printStackTrace(log);
      reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    write(response, callback, reply, failure != null);
  }

  private static void write(Response response, Callback callback, Reply reply, boolean closeConnection) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    if (closeConnection) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    reply.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }
}
