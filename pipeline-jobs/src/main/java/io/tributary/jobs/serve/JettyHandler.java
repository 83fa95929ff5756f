package io.tributary.jobs.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adapts Jetty's core handler API to {@link Api}: hands it the method, the path and a body reader
 * that stops at the size limit, and writes its {@link Reply}. A fault of the server itself is a
 * 500 with a one-line message (and the stack trace in the log), never a dropped connection.
 *
 * <p>The body is always consumed before answering, also when the answer did not need it (an
 * unknown model, say), so the kept-alive connection stays usable for the client's next request;
 * only a body over the limit, which is never read to its end, closes the connection, and the
 * answer says so ({@code Connection: close}).
 */
final class JettyHandler extends Handler.Abstract {

  private final Api api;
  private final int maxBodyBytes;
  private final PrintStream log;

  JettyHandler(Api api, int maxBodyBytes, PrintStream log) {
    this.api = api;
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Body body = new Body(request, maxBodyBytes);
    Reply reply;
    try {
      reply = api.handle(request.getMethod(), request.getHttpURI().getPath(), body::read);
    } catch (RuntimeException e) {
      log.println("serve: internal error on " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e);
      e.printStackTrace(log);
      reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    boolean keepAlive = body.drain();
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    if (!keepAlive) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    reply.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  /** A request body read at most once, never buffered past the limit. */
  private static final class Body {
    private final Request request;
    private final int limit;
    private boolean read;
    private boolean closeConnection;

    Body(Request request, int limit) {
      this.request = request;
      this.limit = limit;
    }

    /** The whole body, or 413 as soon as it is known to exceed the limit. */
    byte[] read() {
      read = true;
      long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      if (declared > limit) {
        closeConnection = true;
        throw tooLarge(declared + " bytes");
      }
      try (InputStream in = Request.asInputStream(request)) {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
          closeConnection = true;
          throw tooLarge("more than " + limit + " bytes");
        }
        return body;
      } catch (IOException e) {
        // Only the client's side can break a body half way (a short body, a dropped connection).
        closeConnection = true;
        throw new ApiException(400, "the request body could not be read: " + e.getMessage());
      }
    }

    /** Consumes a body the answer did not read; false when the connection must close instead. */
    boolean drain() {
      if (!read) {
        try {
          read();
        } catch (ApiException e) {
          // The answer stands; only the connection cannot be reused.
        }
      }
      return !closeConnection;
    }

    private ApiException tooLarge(String size) {
      return new ApiException(413, "the body has " + size + ", over the limit of " + limit
          + " bytes (the server's --maxBodyBytes): send fewer instances per request");
    }
  }
}
